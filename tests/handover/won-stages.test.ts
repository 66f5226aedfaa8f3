import { describe, expect, it } from 'vitest';
import {
  lostStageIds,
  openStageIds,
  stageBeforeWon,
  wonStageEntry,
  wonStageIds,
} from '#src/handover/won-stages';
import { enterprisePipeline, salesPipeline } from './pipelines';

const at = (value: string, timestamp: string) => ({ value, timestamp });

describe('won stages come from stage metadata', () => {
  it('finds closedwon in the default pipeline and numeric won stages in a custom one', () => {
    expect([...wonStageIds([salesPipeline, enterprisePipeline])].sort()).toEqual([
      '9102',
      '9103',
      'closedwon',
    ]);
  });

  it('does not take a closed stage with probability 0 or an open stage with probability 1 for won', () => {
    const odd = {
      ...salesPipeline,
      stages: [
        {
          id: 'verbal',
          label: 'Verbal yes',
          displayOrder: 0,
          metadata: { isClosed: 'false', probability: '1.0' },
        },
        { id: 'gone', label: 'Gone', displayOrder: 1, metadata: { isClosed: 'true', probability: '0.0' } },
      ],
    };
    expect(wonStageIds([odd]).size).toBe(0);
    expect([...lostStageIds([odd])]).toEqual(['gone']);
    expect([...openStageIds([odd])]).toEqual(['verbal']);
  });

  it('tells lost and open stages apart', () => {
    expect([...lostStageIds([salesPipeline, enterprisePipeline])]).toEqual(['closedlost', '9105']);
    expect(openStageIds([enterprisePipeline])).toEqual(new Set(['9100', '9101', '9104']));
  });
});

describe('the stage a deal held before it was won', () => {
  const won = wonStageIds([salesPipeline, enterprisePipeline]);

  it('is the previous value of dealstage, whatever order history comes in', () => {
    const history = [
      at('qualifiedtobuy', '2026-05-01T10:00:00Z'),
      at('closedwon', '2026-06-30T09:00:00Z'),
      at('contractsent', '2026-06-02T10:00:00Z'),
    ];
    expect(stageBeforeWon(history, won, salesPipeline)).toBe('contractsent');
  });

  it('skips a move between won stages and a lost stage to the last open one', () => {
    const history = [
      at('9103', '2026-06-30T12:00:00Z'),
      at('9102', '2026-06-30T11:00:00Z'),
      at('9105', '2026-06-20T10:00:00Z'),
      at('9101', '2026-06-01T10:00:00Z'),
      at('9100', '2026-05-01T10:00:00Z'),
    ];
    expect(stageBeforeWon(history, won, enterprisePipeline)).toBe('9101');
  });

  it('ignores stages of another pipeline the deal came from', () => {
    const history = [at('9103', '2026-06-30T12:00:00Z'), at('contractsent', '2026-06-01T10:00:00Z')];
    expect(stageBeforeWon(history, won, enterprisePipeline)).toBe('9101');
  });

  it('falls back to the last open stage by display order when the deal was created won', () => {
    expect(stageBeforeWon([at('closedwon', '2026-06-30T09:00:00Z')], won, salesPipeline)).toBe(
      'contractsent',
    );
    expect(stageBeforeWon([], won, enterprisePipeline)).toBe('9101');
  });

  it('uses the stage before the latest entry when the deal was won before', () => {
    const history = [
      at('presentationscheduled', '2026-05-01T10:00:00Z'),
      at('closedwon', '2026-05-02T10:00:00Z'),
      at('decisionmakerboughtin', '2026-05-02T10:00:01Z'),
      at('closedwon', '2026-06-30T09:00:00Z'),
    ];
    expect(stageBeforeWon(history, won, salesPipeline)).toBe('decisionmakerboughtin');
  });
});

describe('the won-stage entry', () => {
  const won = wonStageIds([enterprisePipeline]);

  it('is when the deal entered its current run of won stages', () => {
    const history = [
      at('9101', '2026-06-01T10:00:00Z'),
      at('9102', '2026-06-30T11:00:00Z'),
      at('9103', '2026-06-30T12:00:00Z'),
    ];
    expect(wonStageEntry(history, won)).toEqual(at('9102', '2026-06-30T11:00:00Z'));
  });

  it('is none when the deal is not in a won stage', () => {
    expect(
      wonStageEntry([at('9103', '2026-06-30T12:00:00Z'), at('9101', '2026-07-01T10:00:00Z')], won),
    ).toBeNull();
  });
});
