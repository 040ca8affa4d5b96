using System;
using CustomerJourney.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);
