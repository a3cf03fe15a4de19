using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Git;

/// <summary>Author and committer lines of commit objects, which the audit shows and an attacker can write.</summary>
public sealed class GitIdentityTests
{
    [Fact]
    public void IdentityLine_GivesNameEmailAndTheTimeWithItsOffset()
    {
        var identity = GitIdentity.Parse("Alice Smith <alice@example.com> 1700000000 -0130");

        Assert.Equal("Alice Smith", identity.Name);
        Assert.Equal("alice@example.com", identity.Email);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), identity.Time);
        Assert.Equal(new TimeSpan(-1, -30, 0), identity.Time.Offset);
        Assert.Equal("Alice Smith <alice@example.com>", identity.ToString());
    }

    [Theory]
    [InlineData("253402300799 +1400", 253402300799L)]
    [InlineData("-62135596800 -1200", -62135596800L)]
    public void TimeAtTheEndOfTheCalendar_KeepsItsInstant_WhenTheOffsetCannotBeShown(string time, long seconds)
    {
        var identity = GitIdentity.Parse("Mallory <m@example.com> " + time);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds), identity.Time);
        Assert.Equal(TimeSpan.Zero, identity.Time.Offset);
    }

    [Theory]
    [InlineData("Mallory <m@example.com> 253402300800 +0000")]
    [InlineData("Mallory <m@example.com> soon +0000")]
    [InlineData("Mallory <m@example.com>")]
    public void TimeThatIsNotOne_IsTheEpoch(string line)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(0), GitIdentity.Parse(line).Time);
    }

    [Fact]
    public void LineWithoutAnEmail_IsAllName()
    {
        var identity = GitIdentity.Parse(" Mallory > m@example.com < ");

        Assert.Equal("Mallory > m@example.com <", identity.Name);
        Assert.Equal(string.Empty, identity.Email);
    }

    [Theory]
    [InlineData("1700000000 +1400", 14, 0)]
    [InlineData("1700000000 -1200", -12, 0)]
    [InlineData("1700000000 +0059", 0, 59)]
    [InlineData("1700000000 +0000", 0, 0)]
    public void Offset_InGitsRange_IsKept(string time, int hours, int minutes)
    {
        var identity = GitIdentity.Parse("Alice <a@example.com> " + time);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), identity.Time);
        Assert.Equal(new TimeSpan(hours, hours < 0 ? -minutes : minutes, 0), identity.Time.Offset);
    }

    [Theory]
    [InlineData("1700000000 +1500")]
    [InlineData("1700000000 +0060")]
    [InlineData("1700000000 0100")]
    [InlineData("1700000000 *0100")]
    [InlineData("1700000000 +100")]
    [InlineData("1700000000 +01000")]
    [InlineData("1700000000 +01x0")]
    [InlineData("1700000000 +x100")]
    [InlineData("1700000000")]
    public void OffsetThatIsNotOne_LeavesTheInstantInUtc(string time)
    {
        var identity = GitIdentity.Parse("Alice <a@example.com> " + time);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), identity.Time);
        Assert.Equal(TimeSpan.Zero, identity.Time.Offset);
    }

    [Theory]
    [InlineData("Mallory <m@example.com> -62135596801 +0000")]
    [InlineData("Mallory <m@example.com> +-1 +0000")]
    [InlineData("Mallory <m@example.com> 1.5 +0000")]
    public void SecondsOutsideTheCalendar_AreTheEpoch(string line)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(0), GitIdentity.Parse(line).Time);
    }

    [Fact]
    public void SpacesAroundTheParts_AreTrimmed_AndAnEmailMayBeEmpty()
    {
        var identity = GitIdentity.Parse("  Alice  Smith  <  alice@example.com  >   -100   +0100  ");
        var noEmail = GitIdentity.Parse("Bob <> 5 +0000");

        Assert.Equal("Alice  Smith", identity.Name);
        Assert.Equal("alice@example.com", identity.Email);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(-100), identity.Time);
        Assert.Equal(TimeSpan.FromHours(1), identity.Time.Offset);
        Assert.Equal(("Bob", string.Empty), (noEmail.Name, noEmail.Email));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(5), noEmail.Time);
    }

    [Fact]
    public void LineWithoutAName_HasAnEmptyName()
    {
        var identity = GitIdentity.Parse("<m@example.com> 5 +0000");

        Assert.Equal((string.Empty, "m@example.com"), (identity.Name, identity.Email));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(5), identity.Time);
    }

    [Fact]
    public void EmailWithAngleBrackets_RunsToTheLastOne()
    {
        var identity = GitIdentity.Parse("Mallory <m@example.com> <x> 7 +0000");

        Assert.Equal("Mallory", identity.Name);
        Assert.Equal("m@example.com> <x", identity.Email);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(7), identity.Time);
    }

    [Theory]
    [InlineData("Mallory 5 +0000", "Mallory 5 +0000")]
    [InlineData("Mallory <m@example.com 5", "Mallory <m@example.com 5")]
    [InlineData("Mallory m@example.com> 5", "Mallory m@example.com> 5")]
    public void LineWithoutBothBrackets_IsAllName(string line, string name)
    {
        var identity = GitIdentity.Parse(line);

        Assert.Equal((name, string.Empty), (identity.Name, identity.Email));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(0), identity.Time);
    }

    [Fact]
    public void MissingNameOrEmail_IsRefused()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new GitIdentity(null!, "e", DateTimeOffset.UnixEpoch)).ParamName);
        Assert.Equal("email", Assert.Throws<ArgumentNullException>(() => new GitIdentity("n", null!, DateTimeOffset.UnixEpoch)).ParamName);
    }
}
