using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using CliWrap;
using CliWrap.Buffered;

namespace Suite.ShellOuts;

class Direct
{
    void Case_Terraform() => Process.Start("terraform", "destroy -auto-approve"); // expect CHK001
    void Case_TerraformApplyDestroy() => Process.Start("terraform", "apply -destroy"); // expect CHK001
    void Case_Pulumi() => Process.Start("pulumi", "destroy --yes"); // expect CHK001
    void Case_KubectlForce() => Process.Start("kubectl", "delete namespace prod --force"); // expect CHK001
    void Case_Helm() => Process.Start("helm", "uninstall web"); // expect CHK001
    void Case_AzGroupYes() => Process.Start("az", "group delete --name rg --yes"); // expect CHK001
    void Case_Gcloud() => Process.Start("gcloud", "compute instances delete vm-1 --quiet"); // expect CHK001
    void Case_AwsDelete() => Process.Start("aws", "dynamodb delete-table --table-name orders"); // expect CHK001
    void Case_AwsTerminate() => Process.Start("aws", "ec2 terminate-instances --instance-ids i-1"); // expect CHK001
    void Case_AwsS3Rb() => Process.Start("aws", "s3 rb s3://logs --force"); // expect CHK001
    void Case_RmRf() => Process.Start("rm", "-rf /var/lib/data"); // expect CHK001
    void Case_EfDrop() => Process.Start("dotnet", "ef database drop --force"); // expect CHK001
    void Case_Psql() => Process.Start("psql", "-c \"DROP TABLE orders\""); // expect CHK001
    void Case_Sqlcmd() => Process.Start("sqlcmd", "-S db -Q \"TRUNCATE TABLE audit\""); // expect CHK001
    void Case_Mysql() => Process.Start("mysql", "-e \"DELETE FROM sessions\""); // expect CHK001
    void Case_RemoveItem() => Process.Start("pwsh", "-Command \"Remove-Item -Recurse -Force C:\\data\""); // expect CHK001
    void Case_Rd() => Process.Start("cmd", "/c rd /s /q C:\\build"); // expect CHK001
    void Case_Rmdir() => Process.Start("cmd.exe", "/c \"rmdir /s /q out\""); // expect CHK001
    void Case_BashC() => Process.Start("bash", "-c \"terraform destroy -auto-approve\""); // expect CHK001
    void Case_Sudo() => Process.Start("sudo", "rm -r /srv/app"); // expect CHK001
    void Case_Ssh() => Process.Start("ssh", "deploy@host \"rm -rf /srv/data\""); // expect CHK001
    void Case_RedisCli() => Process.Start("redis-cli", "FLUSHALL"); // expect CHK001
    void Case_FullPath() => Process.Start("/usr/local/bin/terraform", "destroy"); // expect CHK001
    void Case_ArgumentArray() => Process.Start("kubectl", new[] { "delete", "pod", "web-0" }); // expect CHK001
    void Case_CollectionExpression() => Process.Start("terraform", ["destroy", "-auto-approve"]); // expect CHK001

    void Case_StartInfoInitializer()
    {
        var info = new ProcessStartInfo { FileName = "terraform", Arguments = "destroy" };
        Process.Start(info); // expect CHK001
    }

    void Case_StartInfoConstructor() => Process.Start(new ProcessStartInfo("helm", "uninstall api")); // expect CHK001

    void Case_StartInfoArgumentListConstructor() => Process.Start(new ProcessStartInfo("kubectl", new List<string> { "delete", "ns", "x" })); // expect CHK001

    void Case_StartInfoAssignedLater()
    {
        var info = new ProcessStartInfo();
        info.FileName = "terraform";
        info.Arguments = "destroy -auto-approve";
        Process.Start(info); // expect CHK001
    }

    void Case_ArgumentListAdds()
    {
        var info = new ProcessStartInfo("terraform");
        info.ArgumentList.Add("destroy");
        info.ArgumentList.Add("-auto-approve");
        Process.Start(info); // expect CHK001
    }

    void Case_ArgumentListInitializer()
    {
        var info = new ProcessStartInfo { FileName = "pulumi", ArgumentList = { "destroy", "--yes" } };
        Process.Start(info); // expect CHK001
    }

    void Case_ProcessStartInfoAssignedAfterConstruction()
    {
        var process = new Process();
        process.StartInfo.FileName = "terraform";
        process.StartInfo.Arguments = "destroy";
        process.Start(); // expect CHK001
    }

    void Case_NestedStartInfoInitializer()
    {
        var process = new Process { StartInfo = { FileName = "kubectl", Arguments = "delete deployment api" } };
        process.Start(); // expect CHK001
    }

    void Case_ProcessWithStartInfo()
    {
        var process = new Process { StartInfo = new ProcessStartInfo("helm", "delete web") };
        process.Start(); // expect CHK001
    }

    void Case_LocalList()
    {
        var arguments = new List<string> { "destroy" };
        arguments.Add("-auto-approve");
        Process.Start("terraform", arguments); // expect CHK001
    }

    void Case_Interpolation(string stack) => Process.Start("pulumi", $"destroy --stack {stack} --yes"); // expect CHK001
    void Case_Concatenation(string ns) => Process.Start("kubectl", "delete namespace " + ns); // expect CHK001
    void Case_Format(string name) => Process.Start("az", string.Format("group delete -n {0} --yes", name)); // expect CHK001

    void Case_MethodGroup()
    {
        Func<string, string, Process?> start = Process.Start; // expect CHK001
        start("terraform", "destroy");
    }
}

class Fields
{
    const string Terraform = "terraform";
    static readonly string Destroy = "destroy -auto-approve";
    static readonly ProcessStartInfo Teardown = new("kubectl", "delete ns staging");
    private readonly string _helm = "helm";
    static string Program { get; } = "pulumi";

    void Case_ConstAndStaticReadonly() => Process.Start(Terraform, Destroy); // expect CHK001
    void Case_StartInfoField() => Process.Start(Teardown); // expect CHK001
    void Case_InstanceReadonlyField() => Process.Start(_helm, "uninstall web"); // expect CHK001
    void Case_GetOnlyProperty() => Process.Start(Program, "destroy --yes"); // expect CHK001
}

class Helpers
{
    static void Run(string program, string arguments) => Process.Start(program, arguments);

    static Process? RunWithInfo(string program, string arguments)
    {
        var info = new ProcessStartInfo(program) { Arguments = arguments, UseShellExecute = false };
        return Process.Start(info);
    }

    static void Terraform(string verb) => Run("terraform", verb + " -auto-approve");

    static string DestroyArguments(string stack) => "destroy --stack " + stack + " --yes";

    void Case_Helper() => Run("terraform", "destroy"); // expect CHK001
    void Case_HelperWithInfo() => RunWithInfo("kubectl", "delete pod web-0"); // expect CHK001
    void Case_NestedHelper() => Terraform("destroy"); // expect CHK001
    void Case_HelperReturningArguments() => Process.Start("pulumi", DestroyArguments("prod")); // expect CHK001

    void Case_LocalFunctionHelper()
    {
        void Shell(string command) => Process.Start("bash", "-c \"" + command + "\"");
        Shell("rm -rf /srv/cache"); // expect CHK001
    }
}

class TerraformDestroy : Process
{
    public TerraformDestroy()
    {
        StartInfo.FileName = "terraform";
        StartInfo.Arguments = "destroy -auto-approve";
    }
}

class Subclass
{
    void Case_ProcessSubclass() => new TerraformDestroy().Start(); // expect CHK001
}

class Libraries
{
    async Task Case_CliWrapString() => await Cli.Wrap("terraform").WithArguments("destroy -auto-approve").ExecuteAsync(); // expect CHK001
    async Task Case_CliWrapArray() => await Cli.Wrap("kubectl").WithArguments(["delete", "ns", "prod"]).ExecuteBufferedAsync(); // expect CHK001
    async Task Case_CliWrapBuilder() => await Cli.Wrap("helm").WithArguments(args => args.Add("uninstall").Add("web")).ExecuteAsync(); // expect CHK001

    async Task Case_CliWrapLocal()
    {
        var command = Cli.Wrap("pulumi").WithArguments("destroy --yes");
        await command.ExecuteAsync(); // expect CHK001
    }

    void Case_Medallion() => Medallion.Shell.Command.Run("terraform", "destroy", "-auto-approve"); // expect CHK001
    void Case_Instances() => Instances.Instance.Finish("kubectl", "delete ns prod"); // expect CHK001
    void Case_InstancesArguments() => new Instances.ProcessArguments("helm", "uninstall web").Start(); // expect CHK001
}

class Harmless
{
    const string Plan = "plan";

    void Case_TerraformPlan() => Process.Start("terraform", Plan);
    void Case_KubectlGet() => Process.Start("kubectl", "get pods -o wide");
    void Case_GitRm() => Process.Start("git", "rm -r --cached obj");
    void Case_DryRun() => Process.Start("kubectl", "delete ns prod --dry-run=client");
    void Case_WhatIf() => Process.Start("pwsh", "-Command \"Remove-Item -Recurse out -WhatIf\"");
    void Case_Echo() => Process.Start("echo", "terraform destroy");
    void Case_PsqlSelect() => Process.Start("psql", "-c \"SELECT * FROM orders\"");
    void Case_RmFile() => Process.Start("rm", "/tmp/lock");
    void Case_UnknownProgram(string program) => Process.Start(program, "destroy");
    void Case_HelmList() => Process.Start("helm", "list --all-namespaces");
    void Case_RemoveItemFile() => Process.Start("pwsh", "-Command \"Remove-Item out.txt\"");
    void Case_Browser() => Process.Start(new ProcessStartInfo("https://example.com") { UseShellExecute = true });
    void Case_DotnetBuild() => Process.Start("dotnet", "build -c Release");
    async Task Case_CliWrapHarmless() => await Cli.Wrap("git").WithArguments(["status"]).ExecuteAsync();
    void Case_MedallionHarmless() => Medallion.Shell.Command.Run("ls", "-la");
    void Case_HelperHarmless() => Run("terraform", "plan");

    static void Run(string program, string arguments) => Process.Start(program, arguments);
}
