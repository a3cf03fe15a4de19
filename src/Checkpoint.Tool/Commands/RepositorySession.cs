using System;
using System.CommandLine;
using System.IO;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Git;
using Checkpoint.Core.Resolution;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// One command's view of the repository: the folder and base the user chose, the change Core
/// resolves there (once), and the gate's verdict over that same change. <c>status</c>,
/// <c>review</c>, <c>approve</c>, <c>hash</c> and <c>verify</c> all read this one object, so they
/// cannot disagree with each other or with the MSBuild task.
/// </summary>
internal sealed class RepositorySession : IDisposable
{
    private ChangeResolution? _resolution;
    private GateVerdict? _verdict;
    private GitRepository? _repository;
    private CiEnvironment? _ci;
    private GitRepository? _openRepository;

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

    public DateTimeOffset Now => Environment.Clock();

    /// <summary>The CI environment, from the real process environment (never filtered or added to).</summary>
    public CiEnvironment Ci => _ci ??= CiEnvironment.FromVariables(Environment.Variables);

    /// <summary>The resolution of the change in this folder, done once per command.</summary>
    public ChangeResolution Resolution => _resolution ??= _openRepository is null
        ? ChangeResolver.Resolve(Request())
        : ChangeResolver.Resolve(Request(), _openRepository);

    /// <summary>The gate's verdict over <see cref="Resolution"/>, decided once per command.</summary>
    public GateVerdict Verdict => _verdict ??= CheckpointGate.Decide(Resolution, Ci, Now);

    /// <summary>
    /// What a review or an approval is about, resolved exactly as the gate resolves it. When that
    /// fails, the gate's rule and reason become the one-line error.
    /// </summary>
    public ResolvedChange Change =>
        Resolution.Change ?? throw new ToolException(Resolution.Failure!.Code + ": " + Resolution.Failure.Message);

    /// <summary>The git repository, for commands that need git but no resolved change (init).</summary>
    public GitRepository Repository
    {
        get
        {
            if (_resolution?.Change is { } change)
            {
                return change.Repository;
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

    /// <summary>
    /// A fresh session on the same folder and base, for a verdict after this command changed HEAD.
    /// It resolves again through the repository <paramref name="session"/> already opened (the same
    /// object reader, no second open), so dispose it before <paramref name="session"/>.
    /// </summary>
    public static RepositorySession Reopen(RepositorySession session) =>
        new RepositorySession(session.Directory, session.BaseRef, session.Console, session.Environment)
        {
            _openRepository = session._resolution?.Change?.Repository ?? session._repository,
        };

    /// <summary>The range under review, for naming and confirming an approval.</summary>
    public ReviewedRange RequireRange()
    {
        var change = Change;
        return new ReviewedRange(change.Base.RefName, change.Base.Commit, change.MergeBase, change.Head, change.Digest);
    }

    public void Dispose()
    {
        _resolution?.Dispose();
        _repository?.Dispose();
    }

    private ChangeRequest Request() => new ChangeRequest(Directory, Ci) { BaseRef = BaseRef, BaseRefSetting = "--base" };
}
