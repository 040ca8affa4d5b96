using System;
using CustomerJourney.Fuzz;

return FuzzCommand.Run(args, Console.Out, Console.Error);
