import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/domain';
import type { SignOffSide } from '../../../shared/permissions';
import { Banner } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormDialog, filled, requiredError } from '../../components/FormDialog';
import { useFormat } from '../../i18n/format';
import { usePlanner } from '../../app/store-context';
import { todayIso } from '../../app/today';
import { type Permission, useSignOffPermission } from '../../app/use-permission';
import { usePlanCommands } from './plan-commands';
import { isFutureDate } from '../../../shared/rules/plan-cycle';
import { useChanged } from '../../app/unsaved-edits';
import { DateField } from '../../components/DateField';

interface Block {
  signatory: string;
  signedOn: string;
}

/**
 * Sign-off: the community's block and the detachment's, each entered only by its side (the
 * community office, the detachment) or the coordinator — here or on the other side's computer.
 * A block this computer may not enter is shown disabled with the reason; one already signed is
 * shown as signed. The plan is agreed, and read-only, once both blocks are signed.
 */
export function SignOffDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = usePlanCommands();
  const profile = usePlanner((s) => s.profile);
  const today = todayIso();
  const may = { community: useSignOffPermission('community'), detachment: useSignOffPermission('detachment') };
  const signed = { community: plan.communitySignatory !== null, detachment: plan.detachmentSignatory !== null };
  const [blocks, setBlocks] = useState<Record<SignOffSide, Block>>({
    community: { signatory: '', signedOn: today },
    detachment: { signatory: profile?.role === 'detachment' ? profile.userName : '', signedOn: today },
  });
  const open = (['community', 'detachment'] as const).filter((side) => !signed[side] && may[side].allowed);
  const nothingToDo = open.length === 0 && !(signed.community && signed.detachment);

  const dirty = useChanged({ blocks });
  return (
    <FormDialog dirty={dirty}
      title={t('plan.signOff.title', { name: plan.communityName, year: format.fiscalYear(plan.fiscalYear) })}
      submitLabel={t('plan.signOff.confirm')}
      onClose={onClose}
      isValid={() => !nothingToDo && open.every((side) => filled(blocks[side].signatory, blocks[side].signedOn) && !isFutureDate(blocks[side].signedOn, today))}
      save={() =>
        commands.agree({
          planId: plan.id,
          ...(open.includes('community') ? { communitySignatory: blocks.community.signatory, communitySignedOn: blocks.community.signedOn } : {}),
          ...(open.includes('detachment') ? { detachmentSignatory: blocks.detachment.signatory, detachmentSignedOn: blocks.detachment.signedOn } : {}),
        })
      }
    >
      {(checked) => (
        <>
          <Banner tone="info">
            <p>{t('plan.signOff.explain')}</p>
            <p>{t('permissions.signOff.eachSide')}</p>
          </Banner>
          {nothingToDo ? (
            <Banner tone="warning">
              <p>{t('permissions.signOff.nothingToDo')}</p>
            </Banner>
          ) : null}
          {(['community', 'detachment'] as const).map((side) => (
            <SideBlock
              key={side}
              side={side}
              plan={plan}
              permission={may[side]}
              block={blocks[side]}
              checked={checked}
              today={today}
              onChange={(block) => setBlocks((b) => ({ ...b, [side]: block }))}
            />
          ))}
        </>
      )}
    </FormDialog>
  );
}

function SideBlock({ side, plan, permission, block, checked, today, onChange }: { side: SignOffSide; plan: Plan; permission: Permission; block: Block; checked: boolean; today: string; onChange: (block: Block) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonId = useId();
  const signatory = side === 'community' ? plan.communitySignatory : plan.detachmentSignatory;
  const signedOn = side === 'community' ? plan.communitySignedOn : plan.detachmentSignedOn;
  const legend = side === 'community' ? t('permissions.signOff.communityBlock') : t('permissions.signOff.detachmentBlock');
  if (signatory !== null) {
    return (
      <fieldset className="choice-group">
        <legend>{legend}</legend>
        <p>{t('permissions.signOff.signedBy', { name: signatory, date: signedOn ? format.date(signedOn) : '' })}</p>
      </fieldset>
    );
  }
  const disabled = !permission.allowed;
  const required = (v: string) => (disabled ? undefined : requiredError(checked, v, t('plan.signOff.required')));
  // Sign-off dates are never in the future (the core refuses them too).
  const dateError = (v: string) => required(v) ?? (!disabled && v && isFutureDate(v, today) ? t('cycle.dates.signedOnFuture', { date: format.date(today) }) : undefined);
  const extra = disabled ? { disabled: true, 'aria-describedby': reasonId } : {};
  return (
    <fieldset className="choice-group" data-side={side} aria-disabled={disabled || undefined}>
      <legend>{legend}</legend>
      {disabled ? (
        <p id={reasonId} className="muted small" data-permission-reason="">
          {permission.reason}
        </p>
      ) : null}
      <div className="grid-2">
        <TextField
          label={side === 'community' ? t('plan.signOff.communitySignatory') : t('plan.signOff.detachmentSignatory')}
          hint={disabled ? undefined : side === 'community' ? t('plan.signOff.communityHint') : t('plan.signOff.detachmentHint')}
          value={block.signatory}
          onChange={(e) => onChange({ ...block, signatory: e.target.value })}
          error={required(block.signatory)}
          required={!disabled}
          {...extra}
        />
        <DateField
          label={side === 'community' ? t('plan.signOff.communitySignedOn') : t('plan.signOff.detachmentSignedOn')}
          hint={disabled ? undefined : t('cycle.dates.signedOnHint', { date: format.date(today) })}
          value={block.signedOn}
          onChange={(signedOn) => onChange({ ...block, signedOn })}
          error={dateError(block.signedOn)}
          checked={checked}
          required={!disabled}
          disabled={disabled}
          describedBy={disabled ? reasonId : undefined}
        />
      </div>
    </fieldset>
  );
}
