using System.Globalization;
using System.Linq;
using ShortApi.Vidu.Pricing;
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

        /// <summary>
        /// The plan for a checked request, priced from the table; <paramref name="doubt"/> says why the estimate may be
        /// off (a price the seed does not state), or is null.
        /// </summary>
        public static CreatePlan Priced(CreateJobRequest request, object? tag, out string? doubt)
        {
            var quote = PriceTable.Quote(request.Model, request.Mode, request.Resolution, request.Duration);
            doubt = quote.Doubtful
                ? $"The estimate for {request.Model.DisplayName} at {quote.Resolution} is doubtful: {quote.Basis}. The job's Amount will hold what the service really charged."
                : null;
            return new CreatePlan(request, quote.Price, tag);
        }

        /// <summary>What is about to be paid for, in words for ShouldProcess: the model and settings, the estimate, the pictures.</summary>
        public string Describe(decimal reservation)
        {
            var request = Request;
            var mode = request.EffectiveMode == null ? string.Empty : request.EffectiveMode + ", ";
            var spec = $"{request.Model.DisplayName}, {mode}{request.EffectiveResolution}, {request.EffectiveDuration} s, about {Money.Usd(reservation)}";
            var from = request.Display == null ? "from the prompt alone" : $"from '{request.Display}'" + (request.EndImage != null ? $" to '{request.EndImage.Display}'" : string.Empty) +
                (request.References.Count > 1 ? $" and {request.References.Count - 1} more reference picture(s)" : string.Empty);
            return $"({spec}) {from}";
        }
    }
}
