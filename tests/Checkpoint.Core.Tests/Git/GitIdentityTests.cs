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
}
