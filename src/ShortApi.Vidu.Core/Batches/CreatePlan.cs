using System.Globalization;
using System.Linq;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Batches
{
    /// <summary>One picture's create as planned: the checked request, its table estimate, and what makes it a repeat.</summary>
    internal sealed class CreatePlan
    {
        public CreatePlan(CreateJobRequest request, decimal estimate, object? tag)
        {
            Request = request;
            Estimate = estimate;
            Tag = tag;
            RepeatKey = string.Join("\n", request.Model.Id, string.Join("|", request.Pictures.Select(p => p.Display)), request.Prompt,
                request.EffectiveMode ?? "-", request.EffectiveResolution, request.EffectiveDuration.ToString(CultureInfo.InvariantCulture),
                request.EffectiveAspectRatio ?? "-", request.GenerateAudio == true ? "audio" : "-", request.VoiceId ?? "-", request.CallbackUrl ?? "-");
        }

        public CreateJobRequest Request { get; }

        /// <summary>The price table's estimate in USD.</summary>
        public decimal Estimate { get; }

        /// <summary>Whatever the caller wants back with the outcome (the cmdlets keep the input row).</summary>
        public object? Tag { get; }

        /// <summary>Same picture, same arguments: a second one in a batch would pay for the same video twice.</summary>
        public string RepeatKey { get; }
    }
}
