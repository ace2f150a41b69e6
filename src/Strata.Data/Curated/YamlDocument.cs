using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Strata.Data.Curated;

/// <summary>
/// Reads a YAML file into its node tree, keeping line numbers, and collects issues while fields are read,
/// so that one run reports every problem of a file rather than the first.
/// </summary>
internal sealed class YamlDocument
{
    private readonly List<DataIssue> _issues;

    private YamlDocument(string file, YamlNode? root, List<DataIssue> issues)
    {
        File = file;
        Root = root;
        _issues = issues;
    }

    public string File { get; }

    public YamlNode? Root { get; }

    public IReadOnlyList<DataIssue> Issues => _issues;

    /// <summary>The issues in the order of the file: by line, then column.</summary>
    public IReadOnlyList<DataIssue> IssuesInOrder => _issues.OrderBy(i => i.Line).ThenBy(i => i.Column).ToList();

    public static YamlDocument Load(string path, string displayName)
    {
        var issues = new List<DataIssue>();
        try
        {
            using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, true));
            var stream = new YamlStream();
            stream.Load(reader);
            var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            return new YamlDocument(displayName, root, issues);
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var at = message.IndexOf("): ", StringComparison.Ordinal);
            issues.Add(new DataIssue(displayName, (int)e.Start.Line, (int)e.Start.Column, "", "not valid YAML: " + (at >= 0 ? message[(at + 3)..] : message)));
            return new YamlDocument(displayName, null, issues);
        }
        catch (System.Text.DecoderFallbackException)
        {
            issues.Add(new DataIssue(displayName, 0, 0, "", "not valid UTF-8 text"));
            return new YamlDocument(displayName, null, issues);
        }
    }

    public void Report(YamlNode? node, string field, string message) =>
        _issues.Add(new DataIssue(File, node is null ? 0 : (int)node.Start.Line, node is null ? 0 : (int)node.Start.Column, field, message));

    /// <summary>The mapping's fields, checked against the known names; unknown names are reported.</summary>
    public Fields FieldsOf(YamlNode node, string what, IReadOnlyCollection<string> known)
    {
        if (node is not YamlMappingNode map)
        {
            Report(node, what, $"expected a mapping with the fields {string.Join(", ", known)}");
            return new Fields(this, what, null, []);
        }
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(key))
            {
                Report(k, what.Length == 0 ? key : $"{what}.{key}", $"unknown field; expected one of {string.Join(", ", known)}");
            }
            else if (!values.TryAdd(key, v))
            {
                Report(k, $"{what}.{key}", "field given twice");
            }
        }
        return new Fields(this, what, map, values);
    }

    /// <summary>The fields of one mapping node, read with checks that report into the document.</summary>
    internal sealed class Fields(YamlDocument doc, string what, YamlMappingNode? node, Dictionary<string, YamlNode> values)
    {
        public YamlMappingNode? Node => node;

        public bool IsValid => node is not null;

        public bool Has(string key) => values.ContainsKey(key);

        public YamlNode? NodeOf(string key) => values.GetValueOrDefault(key);

        private string Name(string key) => what.Length == 0 ? key : $"{what}.{key}";

        public string? String(string key, bool required, string expected = "a text")
        {
            if (!values.TryGetValue(key, out var v))
            {
                if (required && node is not null)
                {
                    doc.Report(node, Name(key), $"missing; expected {expected}");
                }
                return null;
            }
            if (v is not YamlScalarNode s || s.Value is null || (s.Value.Length == 0 && s.Style == YamlDotNet.Core.ScalarStyle.Plain))
            {
                doc.Report(v, Name(key), $"expected {expected}");
                return null;
            }
            if (string.IsNullOrWhiteSpace(s.Value))
            {
                doc.Report(v, Name(key), $"is empty; expected {expected}");
                return null;
            }
            return s.Value.Trim();
        }

        public double? Number(string key, bool required, double min, double max)
        {
            var expected = max == double.MaxValue ? $"a number of {min} or more" : $"a number from {min} to {max}";
            var s = String(key, required, expected);
            if (s is null)
            {
                return null;
            }
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d < min || d > max || double.IsNaN(d))
            {
                doc.Report(values[key], Name(key), $"expected {expected}, got '{s}'");
                return null;
            }
            return d;
        }

        public IReadOnlyList<(YamlNode Node, string Value)> StringList(string key, bool required, string expected)
        {
            if (!values.TryGetValue(key, out var v))
            {
                if (required && node is not null)
                {
                    doc.Report(node, Name(key), $"missing; expected a list of {expected}");
                }
                return [];
            }
            if (v is YamlScalarNode single && !string.IsNullOrWhiteSpace(single.Value))
            {
                return [(single, single.Value.Trim())];
            }
            if (v is not YamlSequenceNode seq)
            {
                doc.Report(v, Name(key), $"expected a list of {expected}");
                return [];
            }
            var result = new List<(YamlNode, string)>();
            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value))
                {
                    result.Add((item, s.Value.Trim()));
                }
                else
                {
                    doc.Report(item, Name(key), $"expected {expected}");
                }
            }
            return result;
        }

        public IReadOnlyList<YamlNode> NodeList(string key, bool required, string expected)
        {
            if (!values.TryGetValue(key, out var v))
            {
                if (required && node is not null)
                {
                    doc.Report(node, Name(key), $"missing; expected a list of {expected}");
                }
                return [];
            }
            if (v is not YamlSequenceNode seq)
            {
                doc.Report(v, Name(key), $"expected a list of {expected}");
                return [];
            }
            return seq.Children.ToList();
        }

        public T? Enum<T>(string key, bool required)
            where T : struct, System.Enum
        {
            var names = string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
            var s = String(key, required, $"one of {names}");
            if (s is null)
            {
                return null;
            }
            if (System.Enum.TryParse<T>(s, ignoreCase: true, out var value) && !int.TryParse(s, out _))
            {
                return value;
            }
            doc.Report(values[key], Name(key), $"expected one of {names}, got '{s}'");
            return null;
        }
    }
}
