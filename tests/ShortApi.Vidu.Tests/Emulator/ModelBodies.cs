using System;
using System.Linq;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>Create bodies for the seven models, written with single quotes so test data stays readable.</summary>
    internal static class ModelBodies
    {
        public const string Q2Image = "vidu/vidu-q2/image-to-video";
        public const string Q2StartEnd = "vidu/vidu-q2/start-end-to-video";
        public const string Q2Text = "vidu/vidu-q2/text-to-video";
        public const string Q3Image = "vidu/vidu-q3/image-to-video";
        public const string Q3StartEnd = "vidu/vidu-q3/start-end-to-video";
        public const string Q3Text = "vidu/vidu-q3/text-to-video";
        public const string Q3Reference = "vidu/vidu-q3/reference-to-video";

        public static readonly string[] AllModels = { Q2Image, Q2StartEnd, Q2Text, Q3Image, Q3StartEnd, Q3Text, Q3Reference };

        /// <summary><c>{"model":model,"args":{args}}</c>; single quotes in <paramref name="args"/> become double quotes.</summary>
        public static string Body(string model, string args) =>
            "{\"model\":\"" + model + "\",\"args\":{" + args.Replace('\'', '"') + "}}";

        /// <summary>The smallest args each model accepts: a prompt and the pictures it requires.</summary>
        public static string MinimalArgs(string model) => model switch
        {
            Q2Image or Q3Image => "'prompt':'x','image':'https://a/b.png'",
            Q2StartEnd or Q3StartEnd => "'prompt':'x','image':'https://a/first.png','image_tail':'https://a/last.png'",
            Q2Text or Q3Text => "'prompt':'x'",
            Q3Reference => "'prompt':'x','images':['https://a/1.png']",
            _ => throw new ArgumentException("not a served model: " + model),
        };

        /// <summary><paramref name="count"/> distinct picture URLs as a JSON array (single-quoted).</summary>
        public static string ImageList(int count) =>
            "[" + string.Join(",", Enumerable.Range(1, count).Select(i => "'https://a/" + i + ".png'")) + "]";
    }
}
