using System;
using System.Collections.Generic;
using System.Globalization;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Resolution;

namespace Checkpoint.Core.Gate;

/// <summary>
/// The gate: decides whether the branch checked out in a working tree may build. The MSBuild task
/// and <c>checkpoint verify</c> both call <see cref="Evaluate"/> and only render its verdict:
/// <see cref="ChangeResolver"/> reads the change from git once, <see cref="GateDecision"/> decides.
/// </summary>
public static class CheckpointGate
{
    /// <summary>Evaluates the gate. Never throws: any failure becomes a failing verdict.</summary>
    public static GateVerdict Evaluate(GateRequest request)
    {
        CiEnvironment? ci = null;
        try
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            ci = CiEnvironment.FromVariables(request.Environment ?? new Dictionary<string, string?>());
            using var resolution = ChangeResolver.Resolve(request.ToChangeRequest(ci));
            var verdict = Decide(resolution, ci, request.Now);
            request.Timings?.Invoke(TimingLine(resolution, verdict.Outcome));
            return verdict;
        }
        catch (Exception ex)
        {
            return Unexpected(ex, ci);
        }
    }

    /// <summary>
    /// <see cref="GateDecision.Decide(ChangeResolution, CiEnvironment, DateTimeOffset)"/>, failing closed:
    /// for callers (the tool) that resolved the change themselves. Never throws.
    /// </summary>
    public static GateVerdict Decide(ChangeResolution resolution, CiEnvironment ci, DateTimeOffset now)
    {
        try
        {
            return GateDecision.Decide(resolution, ci, now);
        }
        catch (Exception ex)
        {
            return Unexpected(ex, ci);
        }
    }

    private static GateVerdict Unexpected(Exception ex, CiEnvironment? ci)
    {
        // Fail closed: an unexpected failure is an error, never a pass, and shows no stack trace.
        var message = ex.Message.Replace('\r', ' ').Replace('\n', ' ');
        return new GateVerdict
        {
            Outcome = GateOutcome.Failed,
            IsCi = ci?.IsCi ?? false,
            Messages = new[]
            {
                new GateMessage(GateCodes.GateUnavailable, GateSeverity.Error, $"the gate failed unexpectedly ({ex.GetType().Name}: {message}); the build is stopped because the branch could not be checked"),
            },
        };
    }

    /// <summary>One line for diagnostics: how long each step took and how many git processes it started.</summary>
    public static string TimingLine(ChangeResolution resolution, GateOutcome outcome)
    {
        if (resolution is null)
        {
            throw new ArgumentNullException(nameof(resolution));
        }

        var processes = resolution.GitProcesses is int count ? count.ToString(CultureInfo.InvariantCulture) + " git processes" : "no repository";
        return $"Checkpoint gate timings: {resolution.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms in all, {processes}, outcome {outcome}" +
            (resolution.Timings.Count == 0 ? string.Empty : " (" + string.Join(", ", resolution.Timings) + ")");
    }
}
