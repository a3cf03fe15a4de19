using System;
using System.CommandLine;
using System.IO;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Git;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// One command's view of the repository: the folder and base the user chose, and the gate's
/// verdict for them. Every command that reports a verdict, digest, base or merge-base takes it
/// from <see cref="CheckpointGate.Evaluate"/>, so the tool and the MSBuild task cannot disagree.
/// </summary>
internal sealed class RepositorySession
{
    private GateVerdict? _verdict;
    private GitRepository? _repository;
    private ReviewTarget? _target;

    private RepositorySession(string directory, string? baseRef, ToolConsole console, ToolEnvironment environment)
    {
        Directory = directory;
        BaseRef = baseRef;
        Console = console;
        Environment = environment;
    }

    /// <summary>The folder the user named (or the current one), as a full path.</summary>
    public string Directory { get; }

    public string? BaseRef { get; }

    public ToolConsole Console { get; }

    public ToolEnvironment Environment { get; }

    public static RepositorySession Open(ParseResult parseResult, GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var requested = parseResult.GetValue(globals.Repository);
        string directory;
        try
        {
            directory = Path.GetFullPath(string.IsNullOrWhiteSpace(requested) ? environment.CurrentDirectory : Path.Combine(environment.CurrentDirectory, requested!));
        }
        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
        {
            throw new ToolException($"--repo '{requested}' is not a valid path: {ex.Message}");
        }

        if (!System.IO.Directory.Exists(directory))
        {
            throw new ToolException($"repository folder '{directory}' does not exist");
        }

        var baseRef = parseResult.GetValue(globals.BaseRef);
        if (baseRef != null && (baseRef.Length == 0 || baseRef.StartsWith("-", StringComparison.Ordinal)))
        {
            throw new ToolException($"--base '{baseRef}' is not a ref name");
        }

        return new RepositorySession(directory, baseRef, console, environment);
    }

    /// <summary>A fresh session on the same folder and base, for a verdict after this command changed HEAD.</summary>
    public static RepositorySession Reopen(RepositorySession session) =>
        new RepositorySession(session.Directory, session.BaseRef, session.Console, session.Environment);

    public DateTimeOffset Now => Environment.Clock();

    /// <summary>The gate's verdict for this folder and base, evaluated once per command.</summary>
    public GateVerdict Verdict => _verdict ??= CheckpointGate.Evaluate(Request());

    /// <summary>The git repository, for commands that need more than the verdict (review, approve).</summary>
    public GitRepository Repository
    {
        get
        {
            if (_repository == null && _target != null)
            {
                _repository = _target.Repository;
            }

            if (_repository == null)
            {
                try
                {
                    _repository = GitRepository.Open(Directory);
                }
                catch (GitException ex)
                {
                    throw new ToolException(ex.Message, ex);
                }
            }

            return _repository;
        }
    }

    /// <summary>
    /// What a review or an approval is about, resolved by Core exactly as the gate resolves it
    /// (base, merge-base, HEAD, the base's policy and signers, identity, digest). When that
    /// fails, the gate's rule and reason become the one-line error.
    /// </summary>
    public ReviewTarget Target
    {
        get
        {
            if (_target == null)
            {
                try
                {
                    _target = ReviewTarget.Load(Request());
                }
                catch (CheckpointException ex)
                {
                    throw new ToolException(ex.Code + ": " + ex.Message, ex);
                }
            }

            return _target;
        }
    }

    public ReviewedRange RequireRange()
    {
        var target = Target;
        return new ReviewedRange(target.Base.RefName, target.Base.Commit, target.MergeBase, target.Head, target.Diff.Digest);
    }

    private GateRequest Request() => new GateRequest(Directory)
    {
        BaseRef = BaseRef,
        Environment = Environment.Variables,
        Now = Now,
    };
}
