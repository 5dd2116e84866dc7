"""camvid-edge: the default road-scene model, built for Deep Feature Flow.

- `high` (key frames only): the pretrained Cityscapes DeepLab (MobileNet-EdgeTPU backbone, output
  stride 16, "slim" ASPP: 1x1 branch + image pooling + projection), read from its TFLite file and
  dequantised, from the image to the 128-channel projection (or, with `init="imagenet"`, an
  ImageNet MobileNetV2 backbone with a fresh slim ASPP). It is nearly all of a frame's compute.
- `low` (every frame, stride 4): the pretrained stem (3x3 s2 conv, 1x1 projection) and a cheap
  depthwise-separable stride-2 block; a few percent of a frame.
- `head` (every frame): the (flow-warped) `high` features, reduced and bilinearly upsampled to
  stride 4, concatenated with the current `low` features, one depthwise-separable 3x3 block and a
  1x1 classifier to 11 CamVid logits at stride 4.
"""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

from common import NUM_CLASSES
from tflite_reader import Graph, pretrained_path, read_tflite
from tflite_torch import TFLiteNet, tensor_index

# The network's float input is (p - 128) / 128 for 8-bit pixels p (the quantised graphs' input scale):
# in model.json terms scale 1/255, mean = std = 128/255.
MEAN = [128 / 255] * 3
STD = [128 / 255] * 3


def conv_bn(cin: int, cout: int, k: int = 1, s: int = 1, groups: int = 1, act: bool = True) -> nn.Sequential:
    layers: list[nn.Module] = [nn.Conv2d(cin, cout, k, s, k // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if act:
        layers.append(nn.ReLU(inplace=True))
    return nn.Sequential(*layers)


class SlimASPP(nn.Module):
    """DeepLab's slim ASPP (1x1 branch + image pooling, concatenated and projected), for the ImageNet init."""

    def __init__(self, cin: int, ch: int = 128):
        super().__init__()
        self.aspp0 = conv_bn(cin, ch)
        self.pool = nn.Sequential(nn.Conv2d(cin, ch, 1), nn.ReLU(inplace=True))
        self.proj = conv_bn(2 * ch, ch)

    def forward(self, x):
        p = self.pool(x.mean(dim=(2, 3), keepdim=True)).expand(-1, -1, x.shape[2], x.shape[3])
        return self.proj(torch.cat([p, self.aspp0(x)], dim=1))



class Low(nn.Module):
    def __init__(self, stem: nn.Module, stem_ch: int, ch: int = 32, mid: int = 48):
        super().__init__()
        self.stem = stem                                                  # stride 2
        self.down = nn.Sequential(conv_bn(stem_ch, stem_ch, 3, 2, groups=stem_ch), conv_bn(stem_ch, mid),
                                  conv_bn(mid, mid, 3, groups=mid), conv_bn(mid, ch))   # stride 4
        self.out_channels = ch

    def forward(self, image):
        return self.down(self.stem(image))


class Head(nn.Module):
    def __init__(self, high_ch: int = 128, low_ch: int = 32, ch: int = 48, num_classes: int = NUM_CLASSES):
        super().__init__()
        self.hproj = conv_bn(high_ch, ch)
        c = ch + low_ch
        self.fuse = nn.Sequential(conv_bn(c, c, 3, groups=c), conv_bn(c, ch))
        self.cls = nn.Conv2d(ch, num_classes, 1)

    def forward(self, high, low):
        h = F.interpolate(self.hproj(high), size=low.shape[-2:], mode="bilinear", align_corners=False)
        return self.cls(self.fuse(torch.cat([h, low], dim=1)))


def _cityscapes_parts() -> tuple[nn.Module, nn.Module, int, int]:
    g = read_tflite(pretrained_path("cityscapes"))
    high = nn.Sequential(TFLiteNet(g, [tensor_index(g, "concat_projection/BatchNorm_Fold/bias")]))
    stem = TFLiteNet(g, [tensor_index(g, "expanded_conv/project/BatchNorm_Fold/bias1")])
    return high, stem, 128, 16


def dilate_to_stride(graph: Graph, output_stride: int) -> None:
    """DeepLab's atrous trick: convolutions that would go past `output_stride` keep stride 1 and
    dilate every later spatial kernel instead (edits the graph's options in place)."""
    stride, rate = 1, 1
    for op in graph.ops:
        if op.kind not in ("CONV_2D", "DEPTHWISE_CONV_2D"):
            continue
        s = op.options["stride"][0]
        if s > 1 and stride * s > output_stride:
            op.options["stride"] = (1, 1)
            op.options["dilation"] = (rate, rate)
            rate *= s
        else:
            stride *= s
            if graph.tensors[op.inputs[1]].shape[1] > 1:
                op.options["dilation"] = (rate, rate)


def _imagenet_parts() -> tuple[nn.Module, nn.Module, int, int]:
    g = read_tflite(pretrained_path("imagenet"))
    dilate_to_stride(g, 16)
    # MobileNetV2 up to its last 1x1 conv (1280 ch, stride 32 at 224), then a fresh slim ASPP.
    pool_in = [op.inputs[0] for op in g.ops if op.kind == "AVERAGE_POOL_2D"][0]
    high = nn.Sequential(TFLiteNet(g, [pool_in]), SlimASPP(g.tensors[pool_in].shape[-1]))
    first_project = [op for op in g.ops if op.kind == "CONV_2D"][1].outputs[0]   # expanded_conv/project (16 ch)
    stem = TFLiteNet(g, [first_project])
    return high, stem, 128, g.tensors[first_project].shape[-1]


class EdgeNet(nn.Module):
    def __init__(self, init: str = "cityscapes", low_ch: int = 32, head_ch: int = 48):
        super().__init__()
        high, stem, high_ch, stem_ch = _cityscapes_parts() if init == "cityscapes" else _imagenet_parts()
        self.high = high
        self.low = Low(stem, stem_ch, low_ch)
        self.head = Head(high_ch, low_ch, head_ch)

    def forward(self, image):
        return self.head(self.high(image), self.low(image))

    def param_groups(self, lr: float, backbone_mult: float):
        """Pretrained weights learn at lr * backbone_mult, new layers at lr."""
        pre = [p for n, p in self.named_parameters() if n.startswith("high.0.") or n.startswith("low.stem.")]
        ids = {id(p) for p in pre}
        new = [p for p in self.parameters() if id(p) not in ids]
        return [{"params": pre, "lr": lr * backbone_mult, "base_mult": backbone_mult},
                {"params": new, "lr": lr, "base_mult": 1.0}]
