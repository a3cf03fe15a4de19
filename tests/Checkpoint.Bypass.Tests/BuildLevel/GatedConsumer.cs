namespace Checkpoint.Bypass.Tests.BuildLevel;

/// <summary>
/// One consumer git repository of the packed package, with a bare origin whose main the agent
/// branches from. Each bypass lives on its own agent branch; the restore output (ignored by git)
/// survives checkouts, so every project restores once.
/// </summary>
public sealed class GatedConsumer
{
    private GatedConsumer(TestRepository repository)
    {
        Repository = repository;
        Project = new Consumer(repository.Root);
    }

    public TestRepository Repository { get; }

    public Consumer Project { get; }

    public string WorkTree => Repository.Root;

    /// <summary>A consumer whose pushed main holds only a README and a .gitignore for bin/ and obj/.</summary>
    public static GatedConsumer Create()
    {
        var consumer = new GatedConsumer(TestRepository.CreateEmpty(ConsumerWorkArea.Instance.NewFolder("bypass")));
        consumer.Project.Write(".gitignore", "bin/\nobj/\n").Write("README.md", "# Consumer\n");
        consumer.Repository.Commit("Initial commit");
        consumer.Repository.PushMain();
        return consumer;
    }
}
