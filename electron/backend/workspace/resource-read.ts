/**
 * Serves the binary resources of resources.ts: ids resolved against the open videos and projects,
 * indices range-checked against the video's frame count. Labels and confidence come from the
 * project (corrected labels unless raw; a running engine run's latest frames from its memory),
 * flow from the workspace's flow service.
 */
import { FRAME_HEADERS } from '../../shared/contract.ts';
import { frameStem } from '../../core/frame-stems.ts';
import { VssError } from '../../core/errors.ts';
import { frameHeaders } from '../frame-request.ts';
import { gridHeaders, type ResourceRequest, type ResourceResponse } from '../resources.ts';
import type { DecodedFrame } from '../video/types.ts';
import type { Workspace } from './workspace.ts';

export interface ResourceDeps {
  ws: Workspace;
  /** A frame of an open video, index checked (Backend.frame). */
  frame(videoId: string, index: number): Promise<DecodedFrame>;
}

function inRange(index: number, count: number, what: string): void {
  if (index >= count) throw new VssError('OUT_OF_RANGE', `${what} ${index} is out of range (0..${count - 1})`);
}

export async function readResource(d: ResourceDeps, r: ResourceRequest): Promise<ResourceResponse> {
  if (r.kind === 'frames') {
    const f = await d.frame(r.videoId, r.index);
    return { headers: frameHeaders(f), body: f.rgba };
  }
  if (r.kind === 'flow') {
    const info = d.ws.video.get(r.videoId);
    if (!info) throw new VssError('NOT_FOUND', `no open video with id "${r.videoId}"`);
    inRange(r.index, info.frameCount - 1, 'flow index');
    const { flow, scale } = await d.ws.flows.get(r.videoId, r.index);
    const body = new Uint8Array(flow.data.buffer, flow.data.byteOffset, flow.data.byteLength);
    return { headers: gridHeaders(flow.width, flow.height, r.index, { [FRAME_HEADERS.flowScale]: String(scale) }), body };
  }
  const s = d.ws.session(r.projectId);
  const info = d.ws.videoOf(s, "the project's video is missing");
  const open = s.open;
  open.project.track(r.trackId);
  inRange(r.index, info.frameCount, 'frame');
  const stem = frameStem(info, r.index);
  if (r.kind === 'confidence') {
    const c = d.ws.runs.liveFrame(open.id, r.trackId, stem)?.confidence ?? (await open.project.loadConfidence(r.trackId, stem));
    if (!c) throw new VssError('NOT_FOUND', `no confidence for frame ${r.index} of track ${r.trackId}`);
    return { headers: gridHeaders(c.width, c.height, r.index), body: c.data };
  }
  const corrected = !r.raw && open.project.correctedStems(r.trackId).includes(stem);
  const l = await d.ws.labels(s, r.trackId, stem, !r.raw);
  return { headers: gridHeaders(l.width, l.height, r.index, { [FRAME_HEADERS.corrected]: corrected ? '1' : '0' }), body: l.data };
}
