import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCalendarYear, saveCalendarYear } from '../../api/admin.ts';
import { useErrorText } from '../../components/errorText.ts';
import { toSchedule, toValues, type YearValues as Values } from './yearSchedule.ts';

/** Enter or correct one year's holidays and make-up workdays; the server checks every date and names a bad one. */
export function YearDialog({
  year,
  onClose,
  onDone,
}: {
  year: number | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['admin', 'actions', 'common']);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(year === null);

  useEffect(() => {
    if (year === null) return;
    const controller = new AbortController();
    getCalendarYear(year, controller.signal).then(
      (answer) => {
        form.setFieldsValue(toValues(answer.schedule));
        setLoaded(true);
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
        setLoaded(true);
      },
    );
    return () => controller.abort();
  }, [year, form]);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await saveCalendarYear(values.year ?? 0, toSchedule(values));
      void message.success(t('calendar.saved', { year: saved.year }));
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('actions:validation.required') }];
  return (
    <Modal
      open
      width={720}
      title={year === null ? t('calendar.add') : `${t('calendar.edit')} ${year}`}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('calendar.save')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      maskClosable={false}
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(error)} className="rc-section" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ holidays: [{}] }}
        disabled={busy || !loaded}
        data-testid="year-form"
      >
        <Form.Item
          name="year"
          label={t('calendar.year')}
          rules={[{ required: true, message: t('actions:validation.required') }]}
        >
          <InputNumber min={1900} max={2200} precision={0} disabled={year !== null} />
        </Form.Item>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <fieldset className="rc-fieldset">
              <legend>{t('calendar.holidays')}</legend>
              {fields.map((field) => (
                <div key={field.key} className="rc-item-list" style={{ marginBottom: 12 }}>
                  <Form.Item name={[field.name, 'name']} label={t('calendar.holidayName')} rules={required}>
                    <Input maxLength={20} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'nameEn']}
                    label={t('calendar.holidayNameEn')}
                    rules={required}
                  >
                    <Input maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'days']} label={t('calendar.days')} rules={required}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} className="rc-mono" />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                    {t('calendar.removeHoliday')}
                  </Button>
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('calendar.addHoliday')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.Item name="makeup" label={t('calendar.makeup')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} className="rc-mono" />
        </Form.Item>
        <Form.Item name="source" label={t('calendar.sourceNote')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
