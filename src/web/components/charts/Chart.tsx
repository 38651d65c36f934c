import { useEffect, useRef } from 'react';
import type { ChartOption } from './echarts.ts';

type Props = {
  option: ChartOption;
  /** What the chart shows, in words, for screen readers (the figures are also in the table beside it). */
  label: string;
  height?: number;
  testId?: string;
};

/**
 * One ECharts chart, loaded on demand (its module is a separate chunk), redrawn when the option
 * changes and resized with its box. No animation: figures appear at once and screenshots are stable.
 */
export function Chart({ option, label, height = 260, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{
    setOption: (o: ChartOption, notMerge?: boolean) => void;
    resize: () => void;
    dispose: () => void;
  } | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts.ts').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
      chart.current = instance;
      instance.setOption({ animation: false, aria: { enabled: true }, ...option }, true);
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(box.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // Created once; option changes are applied below.
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, aria: { enabled: true }, ...option }, true);
  }, [option]);

  return (
    <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} data-testid={testId} />
  );
}
