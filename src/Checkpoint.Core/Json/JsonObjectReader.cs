using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Checkpoint.Core.Json;

/// <summary>
/// Reads one JSON object strictly for the approval manifest and the policy: duplicate and unknown
/// members are errors, because a typo that silently falls back to a default weakens the gate.
/// Every failure is the caller's exception type with a one-line message naming the member.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly string _where;
    private readonly Dictionary<string, JsonElement> _members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new HashSet<string>(StringComparer.Ordinal);
    private readonly Func<string, Exception> _error;

    public JsonObjectReader(JsonElement element, string where, Func<string, Exception> error)
    {
        _where = where;
        _error = error;
        _element = element;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw error($"{where} must be a JSON object, not {Describe(element.ValueKind)}");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (_members.ContainsKey(property.Name))
            {
                throw error($"{where} has member \"{Printable(property.Name)}\" twice");
            }

            _members.Add(property.Name, property.Value);
        }
    }

    public static JsonDocument ParseDocument(byte[] utf8, string what, Func<string, Exception> error)
    {
        var offset = 0;
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            offset = 3;
        }

        try
        {
            return JsonDocument.Parse(
                new ReadOnlyMemory<byte>(utf8, offset, utf8.Length - offset),
                new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            var position = ex.LineNumber is long line ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw error($"{what} is not valid JSON{position}");
        }
        catch (ArgumentException)
        {
            throw error($"{what} is not valid UTF-8 JSON");
        }
    }

    public bool Has(string name) => _members.ContainsKey(name);

    public string RequiredString(string name, int maxLength)
    {
        return OptionalString(name, maxLength) ?? throw _error($"{_where} is missing \"{name}\"");
    }

    public string? OptionalString(string name, int maxLength)
    {
        if (!Take(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw _error($"{_where}: \"{name}\" must be a string, not {Describe(value.ValueKind)}");
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            throw _error($"{_where}: \"{name}\" is empty");
        }

        if (text.Length > maxLength)
        {
            throw _error($"{_where}: \"{name}\" is longer than {maxLength} characters");
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                throw _error($"{_where}: \"{name}\" contains a control or unpaired surrogate character");
            }
        }

        return text;
    }

    public int? OptionalInteger(string name, int min, int max)
    {
        if (!Take(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw _error($"{_where}: \"{name}\" must be a whole number between {min} and {max}");
        }

        if (number < min || number > max)
        {
            throw _error($"{_where}: \"{name}\" is {number.ToString(CultureInfo.InvariantCulture)}; it must be between {min} and {max}");
        }

        return number;
    }

    public bool? OptionalBoolean(string name)
    {
        if (!Take(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.True && value.ValueKind != JsonValueKind.False)
        {
            throw _error($"{_where}: \"{name}\" must be true or false, not {Describe(value.ValueKind)}");
        }

        return value.ValueKind == JsonValueKind.True;
    }

    public IReadOnlyList<string>? OptionalStringArray(string name, int maxItems, int maxLength)
    {
        if (!Take(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw _error($"{_where}: \"{name}\" must be an array of strings, not {Describe(value.ValueKind)}");
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (items.Count == maxItems)
            {
                throw _error($"{_where}: \"{name}\" has more than {maxItems} items");
            }

            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length == 0 || item.GetString()!.Length > maxLength)
            {
                throw _error($"{_where}: \"{name}\" must contain only non-empty strings of at most {maxLength} characters");
            }

            var text = item.GetString()!;
            foreach (var c in text)
            {
                if (char.IsControl(c) || char.IsSurrogate(c))
                {
                    throw _error($"{_where}: \"{name}\" item contains a control or unpaired surrogate character");
                }
            }

            items.Add(text);
        }

        return items;
    }

    public JsonElement? OptionalObject(string name)
    {
        if (!Take(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw _error($"{_where}: \"{name}\" must be an object, not {Describe(value.ValueKind)}");
        }

        return value;
    }

    public JsonElement? OptionalArray(string name)
    {
        if (!Take(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw _error($"{_where}: \"{name}\" must be an array, not {Describe(value.ValueKind)}");
        }

        return value;
    }

    /// <summary>Call after reading every known member: anything left is a typo or a field from the future.</summary>
    public void RejectUnknownMembers()
    {
        foreach (var name in _members.Keys)
        {
            if (!_read.Contains(name))
            {
                throw _error($"{_where} has unknown member \"{Printable(name)}\"");
            }
        }
    }

    internal static string Printable(string name)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (builder.Length >= 64)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        return builder.ToString();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private bool Take(string name, out JsonElement value)
    {
        _read.Add(name);
        if (_members.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Undefined)
        {
            return true;
        }

        return false;
    }

    public override string ToString() => _element.ToString();
}
