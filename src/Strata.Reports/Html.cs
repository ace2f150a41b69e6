namespace Strata.Reports;

internal static class Html
{
    public static string Escape(string? s) => System.Net.WebUtility.HtmlEncode(s ?? "");
}
