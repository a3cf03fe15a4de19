using Checkpoint.DocumentationGenerator;

// dotnet run --project eng/DocumentationGenerator [-- --check]
// Rewrites the generated sections of the docs from the code; --check only reports drift (exit 1).
var check = args.Contains("--check");
var root = SourceTreeRoot.Above(AppContext.BaseDirectory) ?? SourceTreeRoot.Above(Environment.CurrentDirectory);
if (root is null)
{
    Console.Error.WriteLine("Checkpoint.Analyzers.sln not found above the generator or the current directory.");
    return 2;
}

var drift = Generator.Run(root, check);
foreach (var file in drift)
{
    Console.WriteLine((check ? "differs from the code: " : "rewritten: ") + file);
}

return check && drift.Count > 0 ? 1 : 0;
