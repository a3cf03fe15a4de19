using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Azure;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using Azure.Storage.Blobs;
using Google.Cloud.Storage.V1;
using k8s;

namespace Suite.CloudCalls;

class Aws
{
    Task Case_DeleteBucket(IAmazonS3 s3) => s3.DeleteBucketAsync("staging-2019"); // expect CHK001
    Task Case_DeleteObjectRequest(IAmazonS3 s3) => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = "logs", Key = "a" }); // expect CHK001
    Task Case_DeleteMessage(IAmazonSQS sqs) => sqs.DeleteMessageAsync("https://q", "receipt");
    Task Case_GetObject(IAmazonS3 s3) => s3.GetObjectAsync("logs", "a");
    Task Case_Dynamic(dynamic s3) => s3.DeleteBucketAsync("staging"); // expect CHK001
    Task Case_DynamicHarmless(dynamic s3) => s3.GetObjectAsync("logs", "a");
}

class Azure
{
    Task Case_DeleteContainer(BlobContainerClient container) => container.DeleteAsync(); // expect CHK001
    Task Case_DeleteResourceGroup(ResourceGroupResource group) => group.DeleteAsync(WaitUntil.Completed); // expect CHK001
    Task Case_PowerOff(VirtualMachineResource vm) => vm.PowerOffAsync(WaitUntil.Started); // expect CHK002
    Task Case_Exists(BlobContainerClient container) => container.ExistsAsync();
}

class Google
{
    Task Case_DeleteBucket(StorageClient storage) => storage.DeleteBucketAsync("scratch"); // expect CHK001
    Task Case_GetBucket(StorageClient storage) => storage.GetBucketAsync("scratch");
}

class Kubernetes
{
    Task Case_DeletePod(IKubernetes k8s) => k8s.CoreV1.DeleteNamespacedPodAsync("web-0", "prod"); // expect CHK001
    Task Case_ListPods(IKubernetes k8s) => k8s.CoreV1.ListNamespacedPodAsync("prod");
}

class RecordStore
{
    public Task DeleteBucketAsync(string name) => Task.CompletedTask;
}

class LookAlikes
{
    Task Case_OwnDeleteBucket(RecordStore store) => store.DeleteBucketAsync("x");
    Task Case_HttpDelete(HttpClient http) => http.DeleteAsync("https://example.invalid/1");
    void Case_ListRemove(List<int> numbers) => numbers.Remove(1);
    void Case_DictionaryRemove(Dictionary<string, int> map) => map.Remove("a");
    void Case_FileDelete() => System.IO.File.Delete("/tmp/x");
    void Case_DirectoryNotRecursive() => System.IO.Directory.Delete("/tmp/empty");
    void Case_DirectoryRecursive() => System.IO.Directory.Delete("/tmp/build", recursive: true); // expect CHK002
}
