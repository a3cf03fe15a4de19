using BenchmarkDotNet.Running;
using Checkpoint.Benchmarks.Analyzers;
using Checkpoint.Benchmarks.Audit;
using Checkpoint.Benchmarks.Digest;
using Checkpoint.Benchmarks.Gate;
using Checkpoint.Benchmarks.Review;

namespace Checkpoint.Benchmarks;

/// <summary>
/// <c>report analyzers|digest|gate|review|approvals|audit [repetitions]</c> prints the measurements that docs/performance.md quotes and
/// checks the harness (exit code 1 when a count is off or a run fails);
/// <c>--validate</c> is the quick correctness check of the harness;
/// anything else goes to BenchmarkDotNet (<c>--filter '*Analyzer*'</c>, <c>--list flat</c> ...).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--validate")
        {
            return AnalyzerReport.Run(Console.Out, repetitions: 1) ? 0 : 1;
        }

        if (args.Length > 1 && args[0] == "report")
        {
            int? repetitions = args.Length > 2 && int.TryParse(args[2], out var count) && count > 0 ? count : null;
            var ok = args[1] switch
            {
                "analyzers" => AnalyzerReport.Run(Console.Out, repetitions ?? 3),
                "digest" => DigestReport.Run(Console.Out, repetitions ?? 5),
                "gate" => GateBuildReport.Run(Console.Out, repetitions ?? 3),
                "review" => ReviewReport.Run(Console.Out, repetitions ?? 5),
                "approvals" => ApprovalHistoryReport.Run(Console.Out, repetitions ?? 15),
                "audit" => HistoryAuditBenchmarkReport.Run(Console.Out, repetitions ?? 3),
                _ => Unknown(args[1]),
            };
            return ok ? 0 : 1;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static bool Unknown(string report)
    {
        Console.Error.WriteLine($"Unknown report '{report}'. Use: report analyzers|digest|gate|review|approvals|audit [repetitions]");
        return false;
    }
}
