package site

import "context"

// Build builds the site as it is now, as the preview server does: Start,
// then Finish.
func (s *Session) Build(ctx context.Context) (*Result, error) {
	res, err := s.Start(ctx)
	if err != nil {
		return res, err
	}
	if fin, err := s.Finish(ctx); fin != nil || err != nil {
		return fin, err
	}
	return res, nil
}
