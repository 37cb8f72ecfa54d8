// The learned speaker choice's weights (decision 0013), written by scripts/train-speaker.ts from the corpus's dev
// gold; do not edit by hand. null until trained: the rules' answers stand.
import type { SpeakerModel } from "./ranker";

export const SPEAKER_MODEL: SpeakerModel | null = null;
