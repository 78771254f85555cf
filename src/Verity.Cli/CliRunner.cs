using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Verity.Cli;

/// <summary>
/// Parses and invokes a command line with the exit-code contract of <see cref="ExitCodes"/>: a parse
/// error prints every problem and a pointer to <c>--help</c> and exits 2; an unexpected exception prints one
/// line (never a stack trace) and exits 3.
/// </summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(Func<CliEnvironment, RootCommand> build, string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        try
        {
            var parse = build(env).Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                foreach (var error in parse.Errors) await env.Error.WriteLineAsync($"error: {error.Message}");
                await env.Error.WriteLineAsync($"Run '{CommandPath(parse)} --help' for usage.");
                return ExitCodes.BadInput;
            }
            var invocation = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException e)
        {
            await env.Error.WriteLineAsync($"verity: cancelled: {e.Message}");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
            await env.Error.WriteLineAsync($"verity: internal error ({e.GetType().Name}): {e.Message} (this is a bug in verity; please report it)");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>"verity scan": the command the user typed, with the root always named verity.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
            names.Insert(0, command.Parent is null ? "verity" : command.Command.Name);
        return string.Join(' ', names);
    }
}
