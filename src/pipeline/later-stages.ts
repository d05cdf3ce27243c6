/**
 * The stages of a build after `inputs` (`runStages` runs them in order:
 * process, model, images, render, write, save), with what a dry run uses
 * instead of writing: one module, loaded only by a build that has something
 * to do.
 */
export { checkLocaleData } from '../config/check-locale-data.js';
export { addSiteData } from './add-site-data.js';
export { drain, failedDryRun, modelOrFailures } from './dry-run.js';
export { modelSite } from './model-site.js';
export { prepareSiteImages } from './prepare-site-images.js';
export { processContent } from './process-content.js';
export { renderOutputs } from './render-outputs.js';
export { saveSession } from './save-session.js';
export { writeOutputs } from './write-outputs.js';
