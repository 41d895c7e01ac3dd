// esbuild as the widget's and the standalone page's bundler: the options every bundle shares,
// and the plugin that brings the element its stylesheet as minified text.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fail, ROOT } from './io.mjs';

const ESBUILD = join(ROOT, 'node_modules', 'esbuild', 'lib', 'main.js');

let esbuild = null;

/** esbuild, a devDependency: the shipped code still has no runtime dependency. */
async function loadEsbuild() {
  if (!esbuild) {
    try {
      esbuild = await import(pathToFileURL(ESBUILD).href);
    } catch (error) {
      fail(`esbuild is missing (run bash scripts/setup.sh): ${error.message}`);
    }
  }
  return esbuild;
}

/** `import css from './styles/index.css'` gives the stylesheet's text, its @imports bundled
 * and minified by esbuild's CSS bundler: the element adopts it as a constructable stylesheet,
 * no request needed. */
const stylesheetAsText = {
  name: 'stylesheet-as-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const result = await esbuild.build({ entryPoints: [args.path], bundle: true, minify: true, write: false, logLevel: 'warning', metafile: true });
      const watchFiles = Object.keys(result.metafile.inputs).map((input) => join(ROOT, input));
      return { contents: result.outputFiles[0].text.trim(), loader: 'text', watchFiles };
    });
  },
};

/** Bundles `options.entryPoints` into minified ES modules; resolves to esbuild's output files
 * (written to disk when `options.outdir` is given, else in memory). */
export async function bundle({ plugins = [], ...options }) {
  await loadEsbuild();
  const result = await esbuild.build({
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    write: Boolean(options.outdir),
    absWorkingDir: ROOT,
    plugins: [stylesheetAsText, ...plugins],
    ...options,
  });
  return result.outputFiles ?? [];
}

/** A stylesheet with its @imports bundled in, as text (not minified: the page's CSS stays
 * readable in dist/). */
export async function bundleCss(path) {
  await loadEsbuild();
  const result = await esbuild.build({ entryPoints: [path], bundle: true, write: false, logLevel: 'warning', absWorkingDir: ROOT, legalComments: 'inline' });
  return result.outputFiles[0].text;
}
