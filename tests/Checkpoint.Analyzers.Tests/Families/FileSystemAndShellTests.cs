using Checkpoint.Analyzers.Families;

namespace Checkpoint.Analyzers.Tests.Families;

/// <summary>System.IO and System.Diagnostics.Process, from the framework itself.</summary>
public sealed class FileSystemAndShellTests
{
    [Fact]
    public async Task RecursiveDirectoryDeletes_AreDisruptive_OtherDeletesAreNot()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.IO;

            class Workspace
            {
                void Clean(string path, bool recursive)
                {
                    Directory.[|Delete|](path, true);
                    Directory.[|Delete|](path, recursive: recursive);
                    new DirectoryInfo(path).[|Delete|](true);
                    System.Action<string, bool> later = Directory.[|Delete|];
                    System.Action<string> nonRecursive = Directory.Delete;

                    Directory.Delete(path);
                    Directory.Delete(path, false);
                    new DirectoryInfo(path).Delete();
                    File.Delete(path);
                    new FileInfo(path).Delete();
                }
            }
            """)
        .ValidateAsync();

        Assert.All(flagged, d => Assert.Equal("CHK002", d.Id));
        Assert.Equal("Call to 'System.IO.Directory.Delete' deletes a directory and everything in it and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[0].GetMessage());
    }

    [Theory]
    [InlineData("terraform destroy -auto-approve", "terraform destroy")]
    [InlineData("/usr/local/bin/terraform -chdir=infra apply -destroy", "terraform apply -destroy")]
    [InlineData("pulumi destroy --yes --stack dev", "pulumi destroy")]
    [InlineData("kubectl -n prod delete namespace prod", "kubectl delete")]
    [InlineData("helm uninstall web", "helm uninstall")]
    [InlineData("az group delete --name rg-prod --yes", "az group delete")]
    [InlineData("aws ec2 terminate-instances --instance-ids i-1", "aws … terminate-instances")]
    [InlineData("aws s3 rb s3://bucket --force", "aws s3 rb")]
    [InlineData("aws s3 rm s3://bucket/logs --recursive", "aws s3 rm --recursive")]
    [InlineData("gcloud compute instances delete vm-1 --quiet", "gcloud … delete")]
    [InlineData("rm -rf /var/lib/app", "rm -rf")]
    [InlineData("bash -c \"cd infra && terraform destroy\"", "terraform destroy")]
    [InlineData("cmd.exe /c kubectl delete ns prod", "kubectl delete")]
    [InlineData("sudo rm -fr /srv/data", "rm -rf")]
    public void DestructiveCommandLines_AreRecognised(string commandLine, string expected)
        => Assert.Equal(expected, DestructiveCommandLine.Find(commandLine));

    [Theory]
    [InlineData("terraform plan -destroy")]
    [InlineData("terraform apply -auto-approve")]
    [InlineData("kubectl delete pod web-0 --dry-run=client")]
    [InlineData("kubectl get pods")]
    [InlineData("helm list")]
    [InlineData("aws s3 rm s3://bucket/one-file.txt")]
    [InlineData("aws ec2 describe-instances")]
    [InlineData("git rm -r --cached build")]
    [InlineData("rm build.log")]
    [InlineData("echo terraform destroy")]
    [InlineData("dotnet test")]
    public void HarmlessCommandLines_AreNotRecognised(string commandLine)
        => Assert.Null(DestructiveCommandLine.Find(commandLine));

    [Fact]
    public async Task ProcessStartOfATeardown_IsFlagged()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Diagnostics;

            class Scripts
            {
                void Run()
                {
                    Process.[|Start|]("terraform", "destroy -auto-approve");
                    Process.[|Start|]("kubectl", new[] { "delete", "namespace", "prod" });
                    Process.[|Start|](new ProcessStartInfo("helm", "uninstall web"));
                    Process.[|Start|](new ProcessStartInfo { FileName = "az", Arguments = "group delete -n rg --yes" });

                    var info = new ProcessStartInfo("aws");
                    info.ArgumentList.Add("s3");
                    info.ArgumentList.Add("rb");
                    info.ArgumentList.Add("s3://bucket");
                    Process.[|Start|](info);

                    var process = new Process { StartInfo = new ProcessStartInfo("rm", "-rf /srv/data") };
                    process.[|Start|]();
                }
            }
            """)
        .ValidateAsync();

        Assert.Equal("Call to 'System.Diagnostics.Process.Start' runs 'terraform destroy' and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[0].GetMessage());
        Assert.Contains("runs 'aws s3 rb'", flagged[4].GetMessage());
    }

    [Fact]
    public async Task StaticPropertiesNamedLikeRequestFlags_DoNotConfuseTheAnalysis()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Diagnostics;
            using System.IO;

            static class Settings
            {
                public static bool DryRun { get; set; }
                public static string FileName { get; set; } = "";
            }

            class Workspace
            {
                void Clean(string path)
                {
                    var info = new ProcessStartInfo("terraform", "destroy");
                    Settings.DryRun = true;
                    Settings.FileName = "dotnet";
                    Process.[|Start|](info);
                    Directory.[|Delete|](path, true);
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task ProcessStartOfHarmlessOrInvisibleCommands_IsNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Diagnostics;

            class Scripts
            {
                void Run(string tool, string arguments)
                {
                    Process.Start("terraform", "plan -destroy");
                    Process.Start("kubectl", "delete pod web-0 --dry-run=server");
                    Process.Start("dotnet", "test");
                    Process.Start(tool, arguments);
                    Process.Start(new ProcessStartInfo("git", "status"));
                }
            }
            """)
        .ValidateAsync();
    }
}
