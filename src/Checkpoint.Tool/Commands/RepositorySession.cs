using System;
using System.CommandLine;
using System.IO;
using Checkpoint.Core;
using Checkpoint.Core.Git;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Commands
{
    /// <summary>
    /// One command's view of the repository: the folder and base the user chose, and the gate's
    /// verdict for them. Every command that reports a verdict, digest, base or merge-base takes it
    /// from <see cref="CheckpointGate.Evaluate"/>, so the tool and the MSBuild task cannot disagree.
    /// </summary>
    internal sealed class RepositorySession
    {
        private GateVerdict? _verdict;
        private GitRepository? _repository;

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
        public GateVerdict Verdict => _verdict ??= CheckpointGate.Evaluate(new GateRequest(Directory)
        {
            BaseRef = BaseRef,
            Environment = Environment.Variables,
            Now = Now,
        });

        /// <summary>The git repository, for commands that need more than the verdict (review, approve).</summary>
        public GitRepository Repository
        {
            get
            {
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
        /// The commits a review or an approval is about. They exist only when the gate got as far
        /// as computing the digest; otherwise the gate's first error says why, and that becomes the
        /// one-line error.
        /// </summary>
        public ReviewedRange RequireRange()
        {
            var verdict = Verdict;
            if (verdict.MergeBase != null && verdict.HeadCommit != null && verdict.Digest != null)
            {
                return new ReviewedRange(verdict.BaseRef ?? BaseRef ?? "(base)", verdict.BaseCommit, verdict.MergeBase, verdict.HeadCommit, verdict.Digest);
            }

            foreach (var message in verdict.Messages)
            {
                if (message.Severity != GateSeverity.Info)
                {
                    throw new ToolException(message.ToString());
                }
            }

            throw new ToolException("the gate could not compute this branch's diff (no base, merge-base or digest); run 'checkpoint status' for details");
        }
    }

    /// <summary>The diff under review: merge-base of the base and HEAD, and its digest.</summary>
    internal sealed record ReviewedRange(string BaseRef, string? BaseCommit, string MergeBase, string HeadCommit, string Digest)
    {
        /// <summary>What a human types to confirm an approval: the first 12 hex digits of the digest.</summary>
        public string ShortDigest => Digest.Substring(Digest.IndexOf(':') + 1, 12);
    }
}
