import { messageOf } from '../api/api-error';
import type { SliceCreator } from './planner-store';

export interface Notice {
  id: number;
  message: string;
  /** Offered as an "Undo" button (e.g. after a removal). */
  undo?: () => Promise<unknown>;
}

export interface NoticeSlice {
  notices: Notice[];
  notify(message: string, undo?: () => Promise<unknown>): void;
  dismissNotice(id: number): void;
  undoNotice(id: number): Promise<void>;
}

/** Long enough to read; with Undo, long enough to reach the button with the keyboard. */
export const NOTICE_MS = 6_000;
export const UNDO_NOTICE_MS = 12_000;

export const createNoticeSlice: SliceCreator<NoticeSlice> = (set, get, { i18n }) => {
  let nextId = 1;
  return {
    notices: [],
    notify(message, undo) {
      const id = nextId++;
      set((s) => ({ notices: [...s.notices.slice(-2), { id, message, undo }] }));
      setTimeout(() => get().dismissNotice(id), undo ? UNDO_NOTICE_MS : NOTICE_MS);
    },
    dismissNotice(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
    async undoNotice(id) {
      const notice = get().notices.find((n) => n.id === id);
      get().dismissNotice(id);
      if (!notice?.undo) return;
      try {
        await notice.undo();
        get().notify(i18n.t('notices.undone'));
      } catch (error) {
        get().notify(i18n.t('notices.undoFailed', { message: messageOf(error, i18n.language) }));
      }
    },
  };
};
