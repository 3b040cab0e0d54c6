using System.Text;
using System.Text.Json.Nodes;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.OpenData.Hsds;
using FamilyServices.Web.Features.OpenData.Import;

namespace FamilyServices.Tests.Features.OpenData.Import;

/// <summary>The checks of the complete export's vocabulary (rooms, publication state, partners in full), without a database.</summary>
public class DatasetCheckVocabularyTests
{
    private static readonly DateOnly Today = new(2026, 10, 5);

    [Fact]
    public void A_bad_room_an_unknown_room_name_and_an_unknown_publication_state_are_named_at_their_pointer()
    {
        var json = Fixture();
        var taalhuis = json[0]!;
        var offering = taalhuis["service_at_locations"]![0]!;
        var location = offering["location"]!;
        Add(location, PortalVocabulary.Room, location["id"]!.GetValue<string>(), """{"name":"Speellokaal","kind":"playroom","capacity":12}""");
        Add(location, PortalVocabulary.Room, location["id"]!.GetValue<string>(), """{"name":"Zolder","kind":"attic"}""");
        Add(location, PortalVocabulary.Room, location["id"]!.GetValue<string>(), "Keuken");
        Add(offering, PortalVocabulary.Room, offering["id"]!.GetValue<string>(), "Gymzaal");
        Add(offering, PortalVocabulary.PublicationState, offering["id"]!.GetValue<string>(), "hidden");
        Add(taalhuis, PortalVocabulary.PublicationState, taalhuis["id"]!.GetValue<string>(), "retired");
        var locationAttributes = location["attributes"]!.AsArray().Count;
        var offeringAttributes = offering["attributes"]!.AsArray().Count;
        var serviceAttributes = taalhuis["attributes"]!.AsArray().Count;

        var check = Check(json);

        check.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal).Should().Equal(new[]
        {
            $"leeuwarden.json, /0/service_at_locations/0/location/attributes/{locationAttributes - 2}/value: “{{\"name\":\"Zolder\",\"kind\":\"attic\"}}” is not a room: give a JSON object {{\"name\":\"Saal\",\"kind\":\"meeting-room\",\"capacity\":20}} (name at most 100 characters, kind one of classroom, workshop-room, hall, playroom, meeting-room, outdoor, capacity a whole number above 0 or left out).",
            $"leeuwarden.json, /0/service_at_locations/0/location/attributes/{locationAttributes - 1}/value: “Keuken” is not a room: give a JSON object {{\"name\":\"Saal\",\"kind\":\"meeting-room\",\"capacity\":20}} (name at most 100 characters, kind one of classroom, workshop-room, hall, playroom, meeting-room, outdoor, capacity a whole number above 0 or left out).",
            $"leeuwarden.json, /0/service_at_locations/0/attributes/{offeringAttributes - 2}/value: The location of this service_at_location has no room “Gymzaal”: add it to the location (a room attribute) or correct the name.",
            $"leeuwarden.json, /0/service_at_locations/0/attributes/{offeringAttributes - 1}/value: The publication-state “hidden” is unknown: use draft, in-review or archived (a published item carries none).",
            $"leeuwarden.json, /0/attributes/{serviceAttributes - 1}/value: The publication-state “retired” is unknown: use draft, in-review or archived (a published item carries none).",
        }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rooms_a_room_name_publication_states_an_email_and_a_partner_in_full_become_the_plans()
    {
        var json = Fixture();
        var taalhuis = json[0]!;
        var offering = taalhuis["service_at_locations"]![0]!;
        var location = offering["location"]!;
        var locationId = location["id"]!.GetValue<string>();
        Add(location, PortalVocabulary.Room, locationId, """{"name":"Speellokaal","kind":"playroom","capacity":12}""");
        Add(location, PortalVocabulary.Room, locationId, """{"name":"Tuin","kind":"outdoor"}""");
        location["contacts"] = new JsonArray(new JsonObject { ["id"] = "6f0d3a52-39a5-4a8e-9d57-8e1c8f0b1a01", ["location_id"] = locationId, ["email"] = "info@ikc.example" });
        Add(offering, PortalVocabulary.Room, offering["id"]!.GetValue<string>(), "Speellokaal");
        Add(offering, PortalVocabulary.PublicationState, offering["id"]!.GetValue<string>(), "archived");
        Add(taalhuis, PortalVocabulary.PublicationState, taalhuis["id"]!.GetValue<string>(), "in-review");
        Add(taalhuis, PortalVocabulary.Partner, taalhuis["id"]!.GetValue<string>(), """{"code":"BIEB","name":"Bibliotheek Leeuwarden","kind":"library","website":"https://bieb.example/"}""");
        Add(taalhuis, PortalVocabulary.Partner, taalhuis["id"]!.GetValue<string>(), "SPORTCLUB");

        var check = Check(json);

        check.Problems.Should().BeEmpty();
        var centre = check.Centres[Guid.Parse(locationId)];
        centre.Rooms.Should().Equal(new RoomPlan("Speellokaal", RoomKind.Playroom, 12), new RoomPlan("Tuin", RoomKind.Outdoor, null));
        centre.Email.Should().Be("info@ikc.example");
        var programme = check.Programmes[0];
        programme.PublicationState.Should().Be(PublicationState.InReview);
        programme.PartnerCodes.Should().Contain(["BIEB", "SPORTCLUB"]);
        programme.Offerings[0].RoomName.Should().Be("Speellokaal");
        programme.Offerings[0].PublicationState.Should().Be(PublicationState.Archived);
        check.Programmes[1].PublicationState.Should().BeNull("a service without the attribute leaves it to --publish");
        check.UnknownPartners.Should().Contain(["BIEB", "SPORTCLUB"]);
        check.PartnerDetails.Should().ContainKey("BIEB").WhoseValue.Should().Be(new OrganisationPlan(Guid.Empty, "Bibliotheek Leeuwarden", "BIEB", OrganisationKind.Library, "https://bieb.example/"));
        check.PartnerDetails.Should().NotContainKey("SPORTCLUB");
    }

    [Fact]
    public void A_partner_object_without_a_name_or_with_an_unknown_kind_is_a_problem()
    {
        var json = Fixture();
        var taalhuis = json[0]!;
        Add(taalhuis, PortalVocabulary.Partner, taalhuis["id"]!.GetValue<string>(), """{"code":"BIEB","kind":"library"}""");
        Add(taalhuis, PortalVocabulary.Partner, taalhuis["id"]!.GetValue<string>(), """{"code":"GGD","name":"GGD","kind":"hospital"}""");

        var check = Check(json);

        check.Problems.Should().HaveCount(2);
        check.Problems.Should().OnlyContain(p => p.Reason.StartsWith("A partner is its organisation code, or a JSON object", StringComparison.Ordinal));
        check.PartnerDetails.Should().BeEmpty();
    }

    private static JsonArray Fixture() => JsonNode.Parse(File.ReadAllText(Path.Combine(ImportDatabase.Fixtures, "leeuwarden.json")))!.AsArray();

    private static DatasetCheck Check(JsonArray json)
    {
        var dataset = HsdsDatasetReader.Read("leeuwarden.json", Encoding.UTF8.GetBytes(json.ToJsonString()));
        var check = new DatasetCheck(dataset, "nl", new KnownItems(new HashSet<Guid>(), new Dictionary<string, Guid>(), new HashSet<Guid>(), new HashSet<Guid>()));
        check.Run(Today);
        return check;
    }

    private static void Add(JsonNode item, string code, string linkId, string value)
    {
        if (item["attributes"] is null) item["attributes"] = new JsonArray();
        item["attributes"]!.AsArray().Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["link_id"] = linkId,
            ["link_type"] = item["location_type"] is not null ? "location" : item["service_id"] is not null || item["location_id"] is not null ? "service_at_location" : "service",
            ["taxonomy_term_id"] = PortalVocabulary.TermId(code).ToString(),
            ["value"] = value,
        });
    }
}
