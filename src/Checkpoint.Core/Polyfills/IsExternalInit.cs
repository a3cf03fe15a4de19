// netstandard2.0 lacks this type; the compiler needs it for init-only setters.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
