using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// For catalogue entries whose harm depends on how they are called, not only on what they are:
/// SQL text, a command line, a <c>recursive</c> flag, the request a discovery client executes.
/// The entry still decides the tier; the condition decides whether this site is an operation at
/// all and, if so, what it does.
/// </summary>
internal abstract class OperationCondition
{
    /// <summary>When the entry applies, for the rule documentation ("only when the SQL text ...").</summary>
    public abstract string Documentation { get; }

    /// <param name="reference">The invocation, method reference or object creation being analysed.</param>
    /// <param name="operation">The catalogued member it reaches.</param>
    /// <param name="wording">The entry's wording, for conditions that only add to it.</param>
    /// <returns>What the operation does at this site ("runs DROP TABLE"), or null when it is harmless here.</returns>
    public abstract string? Describe(IOperation reference, ISymbol operation, OperationWording wording);
}
