// Drives Debian's Chromium through playwright-core for the HTML report tests: a fresh profile,
// no network, every request recorded. Test-only code (playwright-core is a dev dependency).
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Where Chromium is expected; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH: string = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface OpenedPage {
  readonly page: Page;
  /** Console messages of type error, and uncaught page errors. */
  readonly errors: string[];
  /** Every request the page made besides the document itself. */
  readonly requests: string[];
}

export interface Browser {
  open(file: string, options?: { colorScheme?: "light" | "dark"; width?: number }): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user-data-dir; fails with what to do when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run scripts/ensure-chromium.sh (as root) to install Debian's chromium package, or set CHROMIUM_PATH.`);
  }
  const profile = await mkdtemp(join(tmpdir(), "cleanse-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
      offline: true,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    async open(file, options = {}) {
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      const url = pathToFileURL(file).href;
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => {
        if (r.url() !== url) requests.push(r.url());
      });
      await page.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
      await page.emulateMedia({ colorScheme: options.colorScheme ?? "light" });
      if (options.width) await page.setViewportSize({ width: options.width, height: 900 });
      await page.goto(url, { waitUntil: "load" });
      return { page, errors, requests };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
