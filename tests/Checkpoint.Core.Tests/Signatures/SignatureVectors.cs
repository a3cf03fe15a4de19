namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// Signatures made once with OpenSSH 9.2's <c>ssh-keygen -Y sign -n checkpoint-approval</c> and kept as test
/// vectors, so verification is checked against real OpenSSH output even where ssh-keygen is not installed,
/// and so fuzzing starts from the same bytes on every run.
/// </summary>
internal static class SignatureVectors
{
    public const string Message = "{\"digest\":\"sha256:8f4e\",\"approver\":\"alice@example.com\"}\n";

    public const string Ed25519PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH9YDC4v6UJ29oT3vKEiflpRG+0AJRP4by2vik0Ivz9O vector@example.com";

    public const string Ed25519Signature = @"-----BEGIN SSH SIGNATURE-----
U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAgf1gMLi/pQnb2hPe8oSJ+WlEb7Q
AlE/hvLa+KTQi/P04AAAATY2hlY2twb2ludC1hcHByb3ZhbAAAAAAAAAAGc2hhNTEyAAAA
UwAAAAtzc2gtZWQyNTUxOQAAAECroCMCYcep1IMXnE/unkrKeo1KmS3T3U8pk4NV55U1nm
gVs17kZroAoIMz2Wh59udF6kDFnrFmxDZggQeLfCAF
-----END SSH SIGNATURE-----
";

    public const string EcdsaP256PublicKey = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBD1fOn9j3G9/K9p/X8RI9RF17LoKkycCLSX8nYpSm46Ngvl3es750Yh2Kwk+hnrUXBrB+JywGrtIOMshMsUBNvQ= vector@example.com";

    public const string EcdsaP256Signature = @"-----BEGIN SSH SIGNATURE-----
U1NIU0lHAAAAAQAAAGgAAAATZWNkc2Etc2hhMi1uaXN0cDI1NgAAAAhuaXN0cDI1NgAAAE
EEPV86f2Pcb38r2n9fxEj1EXXsugqTJwItJfydilKbjo2C+Xd6zvnRiHYrCT6GetRcGsH4
nLAau0g4yyEyxQE29AAAABNjaGVja3BvaW50LWFwcHJvdmFsAAAAAAAAAAZzaGE1MTIAAA
BkAAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAABJAAAAIG/hLGcWNYAtQaHPt4rNzuhBcWb9
PscfmNtXX7xCkM66AAAAIQC88IsdGM5yc/9YMPpeDKbB85HDQpMwjEXhpkZ4Ra9hSw==
-----END SSH SIGNATURE-----
";

    public const string Rsa3072PublicKey = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCgF1k9LZgVzQaxQETNDCFRLgbIEaWo6iOC1OAm4fdzVXNx9kkVho4oyc2jWS17OCfmDAZMLMRTv9/v3prpGKDKVL8WJRFUUPTm6Seb77EtC3j/QZtSD8b8fFOLaOQSdh283GM1C9VYUP68AVd18HetTWsw83UN4DIQLlnTjZKts/4HjAhMBrQcVynBtr9aBF0xKL+LELs52mRUVjw0xu9g5DNoJ3/3FXGaNpKrDpIbqV7aV2BkCI1F0cRWkou6f0XWHPjiZY/aU4/37ibW52p4xRnI6VhA+EQiZYas/eY5z7wRd0MHY/Ot5BHCSMLqCer13j33YX9b/h5WqAXtBHJe/Se4IRlo8xHsTGQ8TEjqm3/BpO6AeytBPLnrBfruf8PZWvgJfg9IRfRLKh/EVhQquCiOfIEdAWOrliDku06xJ+g9uvkUgipnyO2h0Lysufzoe99K5Ct8OnoPkkTUMe4l2/YeSgoMCjEMC07anUv9zd/6NXlX66L4xQJsbYK3BNk= vector@example.com";

    public const string Rsa3072Signature = @"-----BEGIN SSH SIGNATURE-----
U1NIU0lHAAAAAQAAAZcAAAAHc3NoLXJzYQAAAAMBAAEAAAGBAKAXWT0tmBXNBrFARM0MIV
EuBsgRpajqI4LU4Cbh93NVc3H2SRWGjijJzaNZLXs4J+YMBkwsxFO/3+/emukYoMpUvxYl
EVRQ9ObpJ5vvsS0LeP9Bm1IPxvx8U4to5BJ2HbzcYzUL1VhQ/rwBV3Xwd61NazDzdQ3gMh
AuWdONkq2z/geMCEwGtBxXKcG2v1oEXTEov4sQuznaZFRWPDTG72DkM2gnf/cVcZo2kqsO
khupXtpXYGQIjUXRxFaSi7p/RdYc+OJlj9pTj/fuJtbnanjFGcjpWED4RCJlhqz95jnPvB
F3Qwdj863kEcJIwuoJ6vXePfdhf1v+HlaoBe0Ecl79J7ghGWjzEexMZDxMSOqbf8Gk7oB7
K0E8uesF+u5/w9la+Al+D0hF9EsqH8RWFCq4KI58gR0BY6uWIOS7TrEn6D26+RSCKmfI7a
HQvKy5/Oh730rkK3w6eg+SRNQx7iXb9h5KCgwKMQwLTtqdS/3N3/o1eVfrovjFAmxtgrcE
2QAAABNjaGVja3BvaW50LWFwcHJvdmFsAAAAAAAAAAZzaGE1MTIAAAGUAAAADHJzYS1zaG
EyLTUxMgAAAYAeQC4Hr3M4AvFElPPd3xsf7bhz05JAINyxQYMMxbGdOOy9FVOJhuONTXK7
BNbYs8bbLltZ5gmtubxAeaC832NOqU+ena5szlsvdj0w8ycn4uj+PT4c11k6pGpMt18ry7
/CUDTSX95lGmIn9XgGpFS1Gxjwghwmms1h9pHG1xBoxqz9dnRL2tE4a5dKZeszVqktOOAp
oWPjNO/rnhEpFcPdNo3DoMsSoMfM58z3jTon/mlyG3rFBGRt1cjkgfJS7UNdTq5FZe9/jE
u9Hsh1tWBmCPbSwWyhdCXcn5hf9K8UaIvW6fr6FIf+R2am+n04jnDaz6zx/G/CM0/T9Lu5
2xlmxaRELaW59wnHicNlmaUe/VqdPty5BCY3XBlQFuK3M/LHSjz/cXeuzQPuGEu7b9vV/3
/Ni5fMlJ+1GbMXAwypo0ZM0Ts9W1UgpEzpWQxHpk4gdbxO0KnPufh3qciipRu9t6cR4Uto
pLpWhvju3kmjLGe2D5UbUIyTNk/+wHNtbHg=
-----END SSH SIGNATURE-----
";


    public static IEnumerable<(string Name, string PublicKey, string Signature)> All => new[]
    {
        ("Ed25519", Ed25519PublicKey, Ed25519Signature),
        ("EcdsaP256", EcdsaP256PublicKey, EcdsaP256Signature),
        ("Rsa3072", Rsa3072PublicKey, Rsa3072Signature),

    };
}
