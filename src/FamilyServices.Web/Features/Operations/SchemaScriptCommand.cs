using System.CommandLine;
using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Operations;

/// <summary>Prints the DDL EF Core derives from the model: the starting point when writing a migration by hand.</summary>
public static class SchemaScriptCommand
{
    public static Command Create(VerbRunner runner)
    {
        var command = new Command("schema-script", "print the SQL that creates the schema the code expects");
        runner.Attach(command, verb =>
        {
            verb.Output.WriteLine(verb.Services.GetRequiredService<FamilyServicesDb>().Database.GenerateCreateScript());
            return Task.FromResult(OperatorCommands.Done);
        });
        return command;
    }
}
