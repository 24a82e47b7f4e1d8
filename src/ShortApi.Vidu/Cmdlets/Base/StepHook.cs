using System;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Named moments in a command's start-up and stop at which a test can hold the thread that reaches them, to land a
    /// stop at exactly that moment (a race that is otherwise one in many runs). Unset outside tests, so a step costs
    /// one read of a static field.
    /// </summary>
    internal static class StepHook
    {
        /// <summary>BeginProcessing has been entered and has set nothing up yet.</summary>
        public const string BeginProcessing = "BeginProcessing";

        /// <summary>ProcessRecord has been entered for the first record (or the command line), before it reads anything.</summary>
        public const string FirstRecord = "FirstRecord";

        /// <summary>StopProcessing has done all it does; from here on, nothing may start.</summary>
        public const string Stopped = "Stopped";

        /// <summary>Called with the command and the step; may block to hold the command there.</summary>
        internal static Action<ViduCmdlet, string>? Reached { get; set; }

        public static void At(ViduCmdlet command, string step) => Reached?.Invoke(command, step);
    }
}
