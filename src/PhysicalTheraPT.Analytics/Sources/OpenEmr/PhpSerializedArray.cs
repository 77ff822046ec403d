using System.Globalization;
using System.Text;

namespace PhysicalTheraPT.Analytics.Sources.OpenEmr;

/// <summary>
/// Reads the one shape of PHP's <c>serialize()</c> output OpenEMR stores in <c>pc_recurrspec</c>: a flat
/// array of scalars, e.g. <c>a:2:{s:17:"event_repeat_freq";s:1:"1";s:6:"exdate";s:0:"";}</c>. Keys and
/// values come back as text (an integer as its digits, a boolean as 0/1, <c>N;</c> as null). A nested
/// array or an object is refused: OpenEMR never writes one there, so it would mean the column holds
/// something else. Lengths are counted in UTF-8 bytes, as PHP counts them.
/// </summary>
internal static class PhpSerializedArray
{
    /// <summary>Parses <paramref name="text"/>; a malformed text throws a <see cref="FormatException"/>
    /// that names the byte offset and what was expected there, never the text itself.</summary>
    public static IReadOnlyDictionary<string, string?> Parse(string text)
    {
        var reader = new Reader(Encoding.UTF8.GetBytes(text));
        reader.Expect((byte)'a');
        reader.Expect((byte)':');
        var count = reader.ReadInteger((byte)':');
        reader.Expect((byte)'{');
        var values = new Dictionary<string, string?>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadScalar() ?? throw reader.Error("a key, not N;");
            values[key] = reader.ReadScalar();
        }

        reader.Expect((byte)'}');
        reader.ExpectEnd();
        return values;
    }

    private sealed class Reader(byte[] bytes)
    {
        private int _position;

        public string? ReadScalar()
        {
            var type = Next();
            switch (type)
            {
                case (byte)'N':
                    Expect((byte)';');
                    return null;
                case (byte)'s':
                    Expect((byte)':');
                    var length = ReadInteger((byte)':');
                    Expect((byte)'"');
                    if (length < 0 || _position + length > bytes.Length)
                    {
                        throw Error($"a string of {length} bytes, but the text ends first");
                    }

                    var value = Encoding.UTF8.GetString(bytes, _position, length);
                    _position += length;
                    Expect((byte)'"');
                    Expect((byte)';');
                    return value;
                case (byte)'i':
                case (byte)'b':
                case (byte)'d':
                    Expect((byte)':');
                    return ReadUntil((byte)';');
                default:
                    _position--;
                    throw Error("a string, a number, a boolean or N; (nested arrays and objects are not part of a recurrence spec)");
            }
        }

        public int ReadInteger(byte terminator)
        {
            var digits = ReadUntil(terminator);
            return int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Error("a whole number");
        }

        public void Expect(byte expected)
        {
            if (_position >= bytes.Length || bytes[_position] != expected)
            {
                throw Error($"'{(char)expected}'");
            }

            _position++;
        }

        public void ExpectEnd()
        {
            if (_position != bytes.Length)
            {
                throw Error("the end of the text");
            }
        }

        public FormatException Error(string expected) =>
            new($"not a PHP-serialized array: expected {expected} at byte {_position}");

        private byte Next() => _position < bytes.Length ? bytes[_position++] : throw Error("a value");

        private string ReadUntil(byte terminator)
        {
            var end = Array.IndexOf(bytes, terminator, _position);
            if (end < 0)
            {
                throw Error($"'{(char)terminator}'");
            }

            var text = Encoding.ASCII.GetString(bytes, _position, end - _position);
            _position = end + 1;
            return text;
        }
    }
}
