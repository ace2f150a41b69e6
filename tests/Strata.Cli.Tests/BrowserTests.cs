using Microsoft.Playwright;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>
/// The report opened in headless Chromium (Debian's package, driven by Playwright) as an analyst would open it.
/// Skipped with a reason where no Chromium is installed, but required when CI=true.
/// </summary>
public sealed class BrowserTests : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [SkippableFact]
    public async Task The_report_opens_offline_without_errors_and_shows_its_charts()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(ChromiumPath))
        {
            Assert.False(ci, $"CI=true but {ChromiumPath} is missing: .ci/run must install Debian's chromium package");
            Skip.If(true, $"no Chromium at {ChromiumPath} (apt-get install chromium to run this test)");
        }

        var r = _cli.Run("report", "--out", "report.html");
        Assert.Equal(0, r.ExitCode);
        var path = r.Stdout.Trim();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        page.Request += (_, q) => requests.Add(q.Url);
        await page.GotoAsync(new Uri(path).AbsoluteUri);

        Assert.Empty(errors);
        Assert.All(requests, u => Assert.StartsWith("file://", u, StringComparison.Ordinal));
        Assert.True(await page.Locator("svg#timeline").IsVisibleAsync());
        var box = await page.Locator("svg#timeline").BoundingBoxAsync();
        Assert.True(box is { Width: > 600, Height: > 200 }, "the timeline is drawn at a readable size");
        Assert.Equal(5, await page.Locator("svg.series").CountAsync());
        Assert.True(await page.Locator("#timing .finding").IsVisibleAsync());
        Assert.True(await page.Locator("#judgement-table tbody tr").CountAsync() >= 8);

        // The assessment comes first: key judgements visible at the top, each linking to evidence that exists.
        Assert.True(await page.Locator("#key-judgements li.kj").First.IsVisibleAsync());
        var first = await page.Locator("main > section").First.GetAttributeAsync("id");
        Assert.Equal("key-judgements", first);
        foreach (var href in await page.Locator("#key-judgements a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
        {
            Assert.Equal(1, await page.Locator(href).CountAsync());
        }
        // Every section the case asks for is drawn: triangles, the model and its scenarios, the ACH matrix, the claims audit.
        Assert.Equal(2, await page.Locator("#triangles svg").CountAsync());
        Assert.True(await page.Locator("#model svg").First.IsVisibleAsync());
        Assert.Equal(4, await page.Locator("#scenarios figure.scenario svg").CountAsync());
        Assert.True(await page.Locator("#ach svg").IsVisibleAsync());
        Assert.True(await page.Locator("#claims-table tbody tr").CountAsync() >= 10);

        // The filter box narrows the event table.
        var rows = await page.Locator("#event-table tbody tr:visible").CountAsync();
        await page.FillAsync("#filter", "plaque");
        var filtered = await page.Locator("#event-table tbody tr:visible").CountAsync();
        Assert.InRange(filtered, 1, rows - 1);

        var artifacts = Path.Combine(TestPaths.RepoRoot, "artifacts");
        Directory.CreateDirectory(artifacts);
        await page.FillAsync("#filter", "");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "report.png"), FullPage = false });
        Assert.True(new FileInfo(Path.Combine(artifacts, "report.png")).Length > 10_000);
    }
}
