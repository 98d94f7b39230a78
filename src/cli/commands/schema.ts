import type { Command } from 'commander';
import type { Io } from '../context.js';
import { helpText } from '../help-text.js';

export function registerSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description('print the JSON Schema of openrouter.admin.yaml (for editors)')
    .addHelpText('after', helpText('\nSave it beside your file (oradmin init does) and point your editor at it with\n' +
        '  # yaml-language-server: $schema=./openrouter.admin.schema.json',)
    )
    .action(async () => {
      const { jsonSchema } = await import('../../config/schema.js');
      io.stdout.write(`${JSON.stringify(jsonSchema(), null, 2)}\n`);
    });
}
