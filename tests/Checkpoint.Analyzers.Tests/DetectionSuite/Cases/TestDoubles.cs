using System.Threading.Tasks;
using Amazon.S3;
using FakeItEasy;
using Moq;
using NSubstitute;

namespace Suite.TestDoubles;

class NSubstituteInConstructor
{
    private readonly IAmazonS3 _s3;

    public NSubstituteInConstructor() => _s3 = Substitute.For<IAmazonS3>();

    Task Case_CallOnSubstitute() => _s3.DeleteBucketAsync("b");
    Task Case_Received() => _s3.Received().DeleteBucketAsync("b");
}

class Fixture
{
    public IAmazonS3 S3 { get; } = Substitute.For<IAmazonS3>();
}

class FixtureUser(Fixture fixture)
{
    Task Case_FixtureProperty() => fixture.S3.DeleteBucketAsync("b");
}

class SetUpMethod
{
    private IAmazonS3 _s3 = null!;

    void SetUp() => _s3 = Substitute.For<IAmazonS3>();

    Task Case_AssignedInSetUp() => _s3.DeleteBucketAsync("b");
}

class ParameterDouble
{
    void Case_PassedToHelper()
    {
        var s3 = Substitute.For<IAmazonS3>();
        Exercise(s3);
    }

    private static void Exercise(IAmazonS3 s3) => s3.DeleteBucketAsync("b");
}

class MoqDoubles
{
    Task Case_MockObject()
    {
        var mock = new Mock<IAmazonS3>();
        return mock.Object.DeleteBucketAsync("b");
    }

    Task Case_MockOf() => Mock.Of<IAmazonS3>().DeleteBucketAsync("b");

    void Case_Setup()
    {
        var mock = new Mock<IAmazonS3>();
        mock.Setup(s => s.DeleteBucketAsync("b", default));
    }
}

class FakeItEasyDoubles
{
    private readonly IAmazonS3 _fake = A.Fake<IAmazonS3>();

    Task Case_FakeField() => _fake.DeleteBucketAsync("b");
}

class PartialSubstitute
{
    Task Case_ForPartsOfRunsRealCode() => Substitute.ForPartsOf<AmazonS3Client>().DeleteBucketAsync("b"); // expect CHK001
}

class RealClientInTestCode
{
    private readonly IAmazonS3 _s3 = new AmazonS3Client();

    Task Case_RealClient() => _s3.DeleteBucketAsync("b"); // expect CHK001
}
