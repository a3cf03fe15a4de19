using Checkpoint.Tool.Output;

namespace Checkpoint.Tool;

internal static class Program
{
    private static int Main(string[] args)
    {
        return CheckpointCommandLine.Run(args, ToolConsole.ForProcess(), ToolEnvironment.ForProcess());
    }
}
