/** Promising practices (issue 14 §2; contract: shared/contract-practices.ts). */
import type { practiceMethods } from '../../../shared/contract-practices';
import type { DomainHandlers, SomeHandlers } from './handler-types';
import * as practices from '../services/practices';

export const practiceHandlers = {
  'practices:list': practices.practices,
  'practices:get': practices.getPractice,
  'practices:draftFromAction': practices.draftFromAction,
  'practices:propose': practices.propose,
  'practices:publish': practices.publish,
  'practices:update': practices.update,
  'practices:remove': practices.remove,
  'practices:proposals': practices.proposals,
  'practices:accept': practices.accept,
  'practices:decline': practices.decline,
  'practices:restore': practices.restore,
  'practices:withdrawProposal': practices.withdrawProposal,
} satisfies DomainHandlers<typeof practiceMethods> & SomeHandlers;
