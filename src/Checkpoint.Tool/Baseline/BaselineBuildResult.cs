using System.Collections.Generic;

namespace Checkpoint.Tool.Baseline;

/// <summary>The projects one build compiled, and the build process's own result for error messages.</summary>
internal sealed record BaselineBuildResult(IReadOnlyList<ProjectSites> Projects, ChildProcessResult Build);
