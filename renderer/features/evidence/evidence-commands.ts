/** The writes of evidence files (issue 14 §3): attach, remove, hand to the computer's program. */
import type { AttachableKind } from '../../../shared/attachments';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function evidenceCommands({ client, notify, t }: CommandDeps) {
  return {
    async attach(recordKind: AttachableKind, recordId: string, fileName: string, content: string) {
      await client.call('attachments:attach', { recordKind, recordId, fileName, content });
      notify(t('evidence.attached', { name: fileName }));
    },
    async remove(attachmentId: string, fileName: string) {
      await client.call('attachments:remove', { attachmentId });
      notify(t('evidence.removed', { name: fileName }));
    },
    /** Electron main hands a private copy to the computer's program; elsewhere (the harness) it answers false. */
    async openWithSystem(attachmentId: string): Promise<boolean> {
      return (await client.call('attachments:openWithSystem', { attachmentId })).opened;
    },
  };
}

export const useEvidenceCommands = () => useCommands(evidenceCommands);
