import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/Button';
import { EmptyState } from '../components/Feedback';
import { PageHeader } from '../components/PageHeader';
import { href } from './routes';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState title={t('notFound.emptyTitle')} action={<ButtonLink href={href.home()} variant="primary">{t('notFound.goHome')}</ButtonLink>}>
        {t('notFound.body')}
      </EmptyState>
    </>
  );
}
