using System.Diagnostics;
using System.Globalization;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>
/// The test assembly's entry point, used as a child process so that peak memory is measured for the
/// gate alone: <c>dotnet Checkpoint.Bypass.Tests.dll evaluate REPO</c> runs CheckpointGate.Evaluate
/// once and prints the verdict's outcome, digest and the process's peak working set.
/// </summary>
public static class MemoryProbe
{
    public const string Command = "evaluate";

    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != Command)
        {
            Console.Error.WriteLine($"usage: {Command} REPOSITORY");
            return 2;
        }

        var verdict = CheckpointGate.Evaluate(new GateRequest(args[1]) { Environment = new Dictionary<string, string?>() });
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine("outcome=" + verdict.Outcome);
        Console.WriteLine("digest=" + verdict.Digest);
        Console.WriteLine("errors=" + string.Join(" | ", verdict.Errors));
        Console.WriteLine("peak=" + self.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
