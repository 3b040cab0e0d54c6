using System.Text.RegularExpressions;
using FamilyServices.Tests.Infrastructure;

namespace FamilyServices.Tests.Architecture;

/// <summary>
/// The layout of docs/architecture.md, kept by a test: Domain, Data and Platform know no feature, and a feature uses
/// another only along the few edges listed here, each for a reason. Read from the source (C# and Razor), so a
/// fully qualified name in a method body counts as much as a using directive.
/// </summary>
public sealed partial class DependencyRulesTests
{
    /// <summary>Who may use whom, and why. A new edge belongs here only with a reason the next engineer accepts.</summary>
    public static readonly IReadOnlyDictionary<(string From, string To), string> AllowedEdges = new Dictionary<(string, string), string>
    {
        [("Attendance", "Accounts")] = "who is signed in, their centres (CurrentStaff, claims)",
        [("Editing", "Accounts")] = "who is signed in, their centres (CurrentStaff, claims)",
        [("Privacy", "Accounts")] = "who is signed in (CurrentStaff)",
        [("Reach", "Accounts")] = "who is signed in (CurrentStaff, API token scheme)",
        [("Audit", "Accounts")] = "who is signed in (CurrentStaff)",
        [("Attendance", "Audit")] = "views and changes of children's data are recorded",
        [("Privacy", "Audit")] = "access and erasure are recorded",
        [("Reach", "Audit")] = "exports are recorded",
        [("Accounts", "Audit")] = "reading the trail's account names",
        [("Accounts", "Language")] = "the password and two-factor gates let the language switch through",
        [("Privacy", "Reach")] = "erasure keeps closed years' reach figures (decision 0009)",
        [("Editing", "Catalogue")] = "editors preview and link what parents see",
        [("Catalogue", "Editing")] = "programme and centre pages link to the public report form (Editing/Feedback)",
        [("Operations", "Accounts")] = "operator verbs: users add, tokens issue",
        [("Operations", "Audit")] = "operator verbs record what they change",
        [("Operations", "Privacy")] = "operator verb: privacy retention",
        [("Operations", "Reach")] = "operator verb: reach refresh",
        [("Operations", "Editing")] = "operator verbs use the editors' rules",
        [("Operations", "Catalogue")] = "operator verbs use the catalogue's rules",
        [("Operations", "Attendance")] = "operator verbs use the attendance rules",
        [("ApiDocument", "Attendance")] = "the attendance import API's example request is built from its own header and size limit",
        [("ApiDocument", "Catalogue")] = "the catalogue API's examples are its own answer types",
        [("ApiDocument", "Reach")] = "the reach API's examples are its own answer types",
        [("ApiDocument", "Accounts")] = "token endpoints are found by the API token scheme, to describe their 401 and 403",
        [("Operations", "OpenData")] = "operator verbs: catalogue import and export",
        [("OpenData", "Editing")] = "an imported offering's sessions follow the editors' rule (OfferingSessions)",
        [("OpenData", "Catalogue")] = "HSDS schedule_link points at the catalogue's calendar feed (CalendarEndpoints.OfferingPath)",
        [("OpenData", "Accounts")] = "the catalogue import page: who is signed in (CurrentStaff)",
    };

    [Theory]
    [InlineData("Domain")]
    [InlineData("Data")]
    [InlineData("Platform")]
    public void The_foundation_references_no_feature(string folder)
    {
        var offending = SourceFiles(Path.Combine(RepoPaths.WebProject, folder))
            .SelectMany(file => FeatureReferences(File.ReadAllText(file)).Select(feature => $"{Relative(file)} uses Features.{feature}"))
            .ToList();

        offending.Should().BeEmpty($"{folder}/ is framework or model code that every feature stands on; a feature registers itself in its own module");
    }

    [Fact]
    public void Features_use_each_other_only_along_the_allowed_edges()
    {
        var features = Path.Combine(RepoPaths.WebProject, "Features");
        var offending = new List<string>();
        foreach (var file in SourceFiles(features))
        {
            var from = Path.GetRelativePath(features, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (var to in FeatureReferences(File.ReadAllText(file)).Where(to => to != from && !AllowedEdges.ContainsKey((from, to))))
            {
                offending.Add($"{Relative(file)}: {from} -> {to}");
            }
        }

        offending.Should().BeEmpty("a feature is changed in its own folder; list a new edge in AllowedEdges with its reason, or move the shared piece");
    }

    [Fact]
    public void The_check_finds_a_reference_in_any_form()
    {
        FeatureReferences("using FamilyServices.Web.Features.Reach;").Should().Equal("Reach");
        FeatureReferences("var path = Features.Reach.ReachPaths.Dashboard;").Should().Equal("Reach");
        FeatureReferences("@using FamilyServices.Web.Features.Accounts.Users").Should().Equal("Accounts");
        FeatureReferences("@if (Editing.ReferenceData.PublicNotices.IsClosed(centre, Clock))").Should().Equal("Editing");
        FeatureReferences("context.Features.Get<IFeature>(); AccessibilityFeatures.StepFree; await Audit.With(db).AddAsync()").Should().BeEmpty();
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The features: the folders under Features/.</summary>
    private static readonly HashSet<string> Features = Directory.GetDirectories(Path.Combine(RepoPaths.WebProject, "Features"))
        .Select(Path.GetFileName).OfType<string>().ToHashSet();

    /// <summary>
    /// Features a source file names: through FamilyServices.Web.Features.X or Features.X, or relative to a sibling
    /// feature's namespace ("Editing.ReferenceData.PublicNotices" written inside Features.Catalogue).
    /// </summary>
    private static List<string> FeatureReferences(string source) =>
        FeatureReference().Matches(source).Select(m => m.Groups["feature"].Value)
            .Concat(RelativeReference().Matches(source).Select(m => m.Groups["feature"].Value).Where(Features.Contains))
            .Distinct().ToList();

    private static string Relative(string file) => Path.GetRelativePath(RepoPaths.Root, file);

    [GeneratedRegex(@"(?:FamilyServices\.Web\.|(?<![\w.]))Features\.(?<feature>[A-Z]\w*)")]
    private static partial Regex FeatureReference();

    [GeneratedRegex(@"(?<![\w.])(?<feature>[A-Z]\w*)\.[A-Z]\w*\.[A-Z]")]
    private static partial Regex RelativeReference();
}
