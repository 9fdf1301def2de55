import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { RequestOf } from './core/api/contract.ts';

type Purpose = RequestOf<'shell:dialog.open'>['purpose'];

const project = [{ name: 'Docket projects', extensions: ['docket'] }];
const documents = [{ name: 'Documents', extensions: ['txt', 'md', 'markdown', 'csv', 'tsv', 'jsonl', 'pdf', 'docx'] }];

/** Native file dialogs for the renderer, which cannot see the file system itself. */
export async function openDialog(window: BrowserWindow, purpose: Purpose): Promise<string[]> {
  if (purpose === 'new-project') {
    const result = await dialog.showSaveDialog(window, { title: 'New project', defaultPath: 'project.docket', filters: project });
    return result.canceled || !result.filePath ? [] : [result.filePath];
  }
  const options: Record<Exclude<Purpose, 'new-project'>, OpenDialogOptions> = {
    'open-project': { title: 'Open project', properties: ['openFile'], filters: project },
    'import-files': { title: 'Import documents', properties: ['openFile', 'multiSelections'], filters: documents },
    'import-folder': { title: 'Import a folder', properties: ['openDirectory', 'multiSelections'] },
    'export-folder': { title: 'Export to folder', properties: ['openDirectory', 'createDirectory'] },
    'model-folder': { title: 'Import a model folder', properties: ['openDirectory'] },
  };
  const result = await dialog.showOpenDialog(window, options[purpose]);
  return result.canceled ? [] : result.filePaths;
}
