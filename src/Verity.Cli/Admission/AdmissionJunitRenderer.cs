using System.Xml;
using System.Xml.Linq;

namespace Verity.Cli.Admission;

/// <summary>
/// <c>admission test -o junit</c>: JUnit XML as CI servers read it — a <c>testsuite</c> per input file (in input
/// order), a <c>testcase</c> per object (<c>name</c> = the resource), a <c>failure</c> when it would be denied (the
/// denying violations), and <c>system-out</c> with its warnings and audit annotations.
/// </summary>
internal static class AdmissionJunitRenderer
{
    private static readonly XmlWriterSettings Settings = new() { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };

    public static void Write(TextWriter output, IReadOnlyList<AdmissionVerdict> verdicts)
    {
        var suites = verdicts.GroupBy(v => v.Object.Source.File).Select(Suite).ToList();
        var root = new XElement("testsuites",
            new XAttribute("name", "verity admission test"),
            new XAttribute("tests", verdicts.Count),
            new XAttribute("failures", verdicts.Count(v => !v.Allowed)),
            suites);
        output.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        using (var xml = XmlWriter.Create(output, Settings)) root.WriteTo(xml);
        output.Write('\n');
    }

    private static XElement Suite(IGrouping<string, AdmissionVerdict> file) =>
        new("testsuite",
            new XAttribute("name", file.Key),
            new XAttribute("tests", file.Count()),
            new XAttribute("failures", file.Count(v => !v.Allowed)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            file.Select(v => Case(file.Key, v)));

    private static XElement Case(string file, AdmissionVerdict verdict)
    {
        var testcase = new XElement("testcase", new XAttribute("classname", file), new XAttribute("name", verdict.Resource));
        var denials = verdict.Violations.Where(v => v.Denies).ToList();
        if (denials.Count > 0)
        {
            testcase.Add(new XElement("failure",
                new XAttribute("message", $"{verdict.Resource} would be denied"),
                new XAttribute("type", "denied"),
                string.Join("\n", denials.Select(d => $"{d.Policy}: {d.Message} ({d.Location})"))));
        }
        var lines = verdict.Warnings.Select(w => $"warning: {w}")
            .Concat(verdict.AuditAnnotations.Select(a => $"audit: {a.Key}: {a.Value}"))
            .Concat(verdict.Note is { } note ? [$"note: {note}"] : Array.Empty<string>())
            .ToList();
        if (lines.Count > 0) testcase.Add(new XElement("system-out", string.Join("\n", lines)));
        return testcase;
    }
}
