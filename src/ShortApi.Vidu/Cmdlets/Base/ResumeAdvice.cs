using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// The line a stopped Wait-ViduVideoJob or Save-ViduVideo ends with: what is left, and the one command that picks
    /// it up (the history's resume line, or the job ids when there is no history to find them in).
    /// </summary>
    internal static class ResumeAdvice
    {
        public static string AfterStop(int waiting, int saved, bool hasHistory, IEnumerable<string> waitingIds, string? folder)
        {
            var path = folder == null ? string.Empty : " -Path '" + folder.Replace("'", "''") + "'";
            var resume = hasHistory
                ? "Get-ViduVideoJob -LastBatch -Unsaved | Save-ViduVideo" + path
                : "Save-ViduVideo -JobId " + string.Join(", ", waitingIds.Distinct().Select(id => "'" + id.Replace("'", "''") + "'")) + path;
            return $"Stopped with {waiting} job(s) still waiting and {saved} video(s) saved; the jobs go on without this command, and {resume} collects the rest.";
        }
    }
}
