using System.Security.Cryptography;
using System.Text;

namespace PhysicalTheraPT.Analytics.Outreach.WorkedLists;

/// <summary>
/// This installation's secret for signing outreach lists (HMAC-SHA256). Only a holder of the secret,
/// that is this database, can make a signature that verifies: a list made from another database, a row
/// key made up or edited by hand, fails. The secret itself is never printed.
/// </summary>
internal sealed class ListSigningKey
{
    /// <summary>256 bits, the size of HMAC-SHA256's block-sized key advice and of its output.</summary>
    public const int SecretBytes = 32;

    /// <summary>
    /// Signatures keep the first 128 bits of the HMAC: far beyond guessing (2^128 tries per key), while a
    /// row key stays short enough to sit in a hidden cell.
    /// </summary>
    private const int SignatureBytes = 16;

    private readonly byte[] _secret;

    public ListSigningKey(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < SecretBytes)
        {
            throw new ArgumentException($"A list signing secret needs at least {SecretBytes} bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    /// <summary>A new secret from the operating system's cryptographic random number generator.</summary>
    public static ListSigningKey CreateNew() => new(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The signature of <paramref name="message"/>, as lower-case hex.</summary>
    public string Sign(string message) => Convert.ToHexStringLower(Mac(message));

    /// <summary>True when <paramref name="signature"/> is this key's signature of <paramref name="message"/>; compared in constant time.</summary>
    public bool Verifies(string message, string? signature)
    {
        if (signature is null || signature.Length != SignatureBytes * 2 || !signature.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Mac(message), Convert.FromHexString(signature));
    }

    /// <summary>The secret as the database keeps it (hex); for <see cref="ListSigningKeyStore"/> only.</summary>
    internal string ToStored() => Convert.ToHexString(_secret);

    private byte[] Mac(string message) => HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(message))[..SignatureBytes];
}
